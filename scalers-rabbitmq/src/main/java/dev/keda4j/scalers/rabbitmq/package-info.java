/**
 * The {@code rabbitmq} scaler (scalers.md §3.6): queue length over AMQP (passive declare) or the
 * management HTTP API, message rates over HTTP only.
 *
 * <p>Deviations from KEDA, on purpose or not yet done:
 *
 * <ul>
 *   <li>Building does no I/O (KEDA dials AMQP at build); connection problems fail the poll.
 *   <li>AMQP connections are shared by endpoint (URL, vhost, credentials, TLS), so their client
 *       name {@code keda-<ns>-<name>} is the one of the first trigger that opened it.
 *   <li>An AMQP host with an empty path ({@code amqp://h:5672/}) means the default vhost {@code /};
 *       RabbitMQ has no vhost named "".
 *   <li>Management error bodies are cut to 512 characters in error messages.
 *   <li>Not supported yet, rejected as config errors rather than ignored: {@code keyPassword}
 *       (encrypted client keys), {@code workloadIdentityResource} (Azure AD) and OAuth2 client
 *       credentials ({@code oauthTokenURI}, {@code clientID}, {@code clientSecret}).
 * </ul>
 */
package dev.keda4j.scalers.rabbitmq;
