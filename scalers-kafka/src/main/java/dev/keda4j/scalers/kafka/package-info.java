/**
 * Kafka consumer-group lag scaler: {@code kafka} and its alias {@code apache-kafka} (scalers.md
 * §3.3), on the kafka-clients {@code Admin} API.
 *
 * <p>Deviations from KEDA, on purpose or not yet done:
 *
 * <ul>
 *   <li>{@code apache-kafka} has exactly the semantics of {@code kafka} (one implementation).
 *   <li>Building does no I/O; the Admin client is created on the first poll, on the blocking pool
 *       (creating it resolves the bootstrap host names). An unreachable broker fails the poll after
 *       the trigger's timeout ({@code request.timeout.ms} and {@code default.api.timeout.ms}).
 *   <li>{@code version} is validated but otherwise unused: the Java client negotiates protocol
 *       versions itself. {@code fullMetadata} only keeps its validation: the Admin client always
 *       asks for the topics it needs.
 *   <li>The Admin API reports "no commit" and "no offset block for the partition" the same way, so
 *       both count as an invalid offset ({@code -1}) instead of the latter failing the poll.
 *   <li>{@code sasl: gssapi} and {@code saslTokenProvider: aws_msk_iam} bind and validate but fail
 *       the scaler build: the JVM reads Kerberos configuration from one process-wide file, and MSK
 *       IAM needs a login module kafka-clients does not ship.
 *   <li>{@code sasl: oauthbearer} uses kafka-clients' own OAuth login handler; since Kafka 4.0 the
 *       JVM must allow the token endpoint ({@code org.apache.kafka.sasl.oauthbearer.allowed.urls}).
 *   <li>{@code unsafeSsl} turns off host name verification only; the server certificate must still
 *       chain to {@code ca} (or the JVM defaults). kafka-clients has no trust-all switch.
 *   <li>SASL and TLS are tested on the client properties they produce (validated by kafka-clients'
 *       {@code AdminClientConfig}), not against a broker: the fixture broker listens PLAINTEXT
 *       only.
 * </ul>
 */
package dev.keda4j.scalers.kafka;
