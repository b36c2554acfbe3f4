package dev.keda4j.controller.scaling.resolve;

import static dev.keda4j.controller.scaling.resolve.Fixtures.SECRET_VALUE;
import static dev.keda4j.controller.scaling.resolve.Fixtures.configMap;
import static dev.keda4j.controller.scaling.resolve.Fixtures.secret;
import static dev.keda4j.controller.scaling.resolve.Fixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keda4j.api.v1alpha1.AuthConfigMapTargetRef;
import dev.keda4j.api.v1alpha1.AuthEnvironment;
import dev.keda4j.api.v1alpha1.AuthPodIdentity;
import dev.keda4j.api.v1alpha1.AuthSecretTargetRef;
import dev.keda4j.api.v1alpha1.AuthenticationRef;
import dev.keda4j.api.v1alpha1.AwsSecretManager;
import dev.keda4j.api.v1alpha1.AzureKeyVault;
import dev.keda4j.api.v1alpha1.BoundServiceAccountToken;
import dev.keda4j.api.v1alpha1.ClusterTriggerAuthentication;
import dev.keda4j.api.v1alpha1.GcpSecretManager;
import dev.keda4j.api.v1alpha1.HashiCorpVault;
import dev.keda4j.api.v1alpha1.OAuth2;
import dev.keda4j.api.v1alpha1.TriggerAuthentication;
import dev.keda4j.api.v1alpha1.TriggerAuthenticationSpec;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthResolverTest {
  private static final AuthenticationRef TA_REF = new AuthenticationRef().name("auth");
  private static final AuthenticationRef CTA_REF =
      new AuthenticationRef().name("cauth").kind("ClusterTriggerAuthentication");

  private static TriggerAuthentication ta(String ns, TriggerAuthenticationSpec spec) {
    return new TriggerAuthentication()
        .metadata(new V1ObjectMeta().namespace(ns).name("auth"))
        .spec(spec);
  }

  private static ClusterTriggerAuthentication cta(TriggerAuthenticationSpec spec) {
    return new ClusterTriggerAuthentication().metadata(new V1ObjectMeta().name("cauth")).spec(spec);
  }

  private static AuthSecretTargetRef secretRef(String param, String name, String key) {
    return new AuthSecretTargetRef().parameter(param).name(name).key(key);
  }

  private static EnvSource env(EnvResolver r) {
    V1Container app =
        new V1Container().name("app").env(List.of(new V1EnvVar().name("HOST").value("from-env")));
    V1Container side =
        new V1Container()
            .name("side")
            .env(List.of(new V1EnvVar().name("SIDE").value("side-value")));
    return EnvSource.of(r, template(app, side), null, "ns");
  }

  private static AuthResolution resolve(
      InMemoryObjectLookup lookup, AuthenticationRef ref, Optional<Path> root) {
    AuthResolver resolver = new AuthResolver(lookup, "keda", root);
    return resolver.resolve(ref, "ns", env(new EnvResolver(lookup)));
  }

  @Test
  void laterSourcesOverwriteEarlierOnes() {
    TriggerAuthenticationSpec spec =
        new TriggerAuthenticationSpec()
            .podIdentity(new AuthPodIdentity().provider("none"))
            .env(
                List.of(
                    new AuthEnvironment().parameter("host").name("HOST"),
                    new AuthEnvironment().parameter("user").name("HOST"),
                    new AuthEnvironment().parameter("side").name("SIDE").containerName("side")))
            .configMapTargetRef(
                List.of(
                    new AuthConfigMapTargetRef().parameter("user").name("cm").key("user"),
                    new AuthConfigMapTargetRef().parameter("password").name("cm").key("user")))
            .secretTargetRef(List.of(secretRef("password", "s", "password")));
    InMemoryObjectLookup lookup =
        new InMemoryObjectLookup()
            .add(ta("ns", spec))
            .add(configMap("ns", "cm", Map.of("user", "cm-user")))
            .add(secret("ns", "s", Map.of("password", SECRET_VALUE)));

    AuthResolution r = resolve(lookup, TA_REF, Optional.empty());

    assertThat(r.problems()).isEmpty();
    assertThat(r.podIdentityProvider()).isEqualTo("none");
    assertThat(r.params())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "host", "from-env",
                "user", "cm-user",
                "side", "side-value",
                "password", SECRET_VALUE));
    assertThat(r.toString()).doesNotContain(SECRET_VALUE).contains("password");
  }

  @Test
  void missingTriggerAuthenticationIsAnError() {
    AuthResolution r = resolve(new InMemoryObjectLookup(), TA_REF, Optional.empty());

    assertThat(r.problemLines())
        .containsExactly("authenticationRef: TriggerAuthentication ns/auth not found");
    assertThat(r.authObjectMissing()).isTrue();
    assertThat(r.params()).isEmpty();
  }

  @Test
  void missingSecretAndMissingKeyAreErrors() {
    TriggerAuthenticationSpec spec =
        new TriggerAuthenticationSpec()
            .secretTargetRef(
                List.of(
                    secretRef("connection", "queue-secret", "connectionString"),
                    secretRef("other", "absent", "k")));
    InMemoryObjectLookup lookup =
        new InMemoryObjectLookup()
            .add(ta("ns", spec))
            .add(secret("ns", "queue-secret", Map.of("wrong", SECRET_VALUE)));

    AuthResolution r = resolve(lookup, TA_REF, Optional.empty());

    assertThat(r.problemLines())
        .containsExactly(
            "secretTargetRef[0]: key \"connectionString\" not found in Secret ns/queue-secret",
            "secretTargetRef[1]: Secret ns/absent not found");
    assertThat(r.unresolvedParams()).containsExactly("other");
    assertThat(r.params()).isEmpty();
  }

  @Test
  void envEntryForAnUndefinedVariableIsAnError() {
    TriggerAuthenticationSpec spec =
        new TriggerAuthenticationSpec()
            .env(
                List.of(
                    new AuthEnvironment().parameter("p").name("NOPE"),
                    new AuthEnvironment().parameter("q").name("X").containerName("ghost")));
    AuthResolution r =
        resolve(new InMemoryObjectLookup().add(ta("ns", spec)), TA_REF, Optional.empty());

    assertThat(r.problemLines())
        .containsExactly(
            "env[0]: env var NOPE is not defined in container app",
            "env[1]: couldn't find container with name ghost on Target object");
  }

  static Stream<Arguments> unsupported() {
    List<Arguments> out = new ArrayList<>();
    out.add(
        Arguments.of(
            "hashiCorpVault",
            (UnaryOperator<TriggerAuthenticationSpec>) s -> s.hashiCorpVault(new HashiCorpVault()),
            "hashiCorpVault: not supported by keda4j yet"));
    out.add(
        Arguments.of(
            "azureKeyVault",
            (UnaryOperator<TriggerAuthenticationSpec>) s -> s.azureKeyVault(new AzureKeyVault()),
            "azureKeyVault: not supported by keda4j yet"));
    out.add(
        Arguments.of(
            "gcpSecretManager",
            (UnaryOperator<TriggerAuthenticationSpec>)
                s -> s.gcpSecretManager(new GcpSecretManager()),
            "gcpSecretManager: not supported by keda4j yet"));
    out.add(
        Arguments.of(
            "awsSecretManager",
            (UnaryOperator<TriggerAuthenticationSpec>)
                s -> s.awsSecretManager(new AwsSecretManager()),
            "awsSecretManager: not supported by keda4j yet"));
    out.add(
        Arguments.of(
            "boundServiceAccountToken",
            (UnaryOperator<TriggerAuthenticationSpec>)
                s ->
                    s.boundServiceAccountToken(
                        List.of(
                            new BoundServiceAccountToken()
                                .parameter("t")
                                .serviceAccountName("sa"))),
            "boundServiceAccountToken: not supported by keda4j yet"));
    out.add(
        Arguments.of(
            "oauth2",
            (UnaryOperator<TriggerAuthenticationSpec>) s -> s.oauth2(new OAuth2()),
            "oauth2: not supported by keda4j yet"));
    out.add(
        Arguments.of(
            "podIdentity aws",
            (UnaryOperator<TriggerAuthenticationSpec>)
                s -> s.podIdentity(new AuthPodIdentity().provider("aws")),
            "podIdentity: provider aws is not supported by keda4j yet"));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupported")
  void unsupportedProvidersAreNamedErrors(
      String name, UnaryOperator<TriggerAuthenticationSpec> spec, String expected) {
    InMemoryObjectLookup lookup =
        new InMemoryObjectLookup().add(ta("ns", spec.apply(new TriggerAuthenticationSpec())));

    assertThat(resolve(lookup, TA_REF, Optional.empty()).problemLines()).containsExactly(expected);
  }

  @Test
  void clusterTriggerAuthenticationReadsTheClusterObjectNamespace() {
    TriggerAuthenticationSpec spec =
        new TriggerAuthenticationSpec().secretTargetRef(List.of(secretRef("password", "s", "pw")));
    InMemoryObjectLookup lookup =
        new InMemoryObjectLookup()
            .add(cta(spec))
            .add(secret("ns", "s", Map.of("pw", "wrong-namespace")))
            .add(secret("keda", "s", Map.of("pw", SECRET_VALUE)));

    AuthResolution r = resolve(lookup, CTA_REF, Optional.empty());

    assertThat(r.problems()).isEmpty();
    assertThat(r.params()).containsExactly(Map.entry("password", SECRET_VALUE));

    AuthResolution other =
        new AuthResolver(lookup, "elsewhere", Optional.empty())
            .resolve(CTA_REF, "ns", env(new EnvResolver(lookup)));
    assertThat(other.problemLines())
        .containsExactly("secretTargetRef[0]: Secret elsewhere/s not found");
  }

  @Test
  void missingClusterTriggerAuthentication() {
    assertThat(resolve(new InMemoryObjectLookup(), CTA_REF, Optional.empty()).problemLines())
        .containsExactly("authenticationRef: ClusterTriggerAuthentication cauth not found");
  }

  @Test
  void filePathReadsOnlyTheFileUnderTheRoot(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(
        root.resolve("sub/auth.json"),
        "{\"password\":\"" + SECRET_VALUE + "\",\"user\":\"u\"}",
        StandardCharsets.UTF_8);
    TriggerAuthenticationSpec spec =
        new TriggerAuthenticationSpec()
            .env(List.of(new AuthEnvironment().parameter("host").name("HOST")))
            .filePath("sub/auth.json")
            .secretTargetRef(List.of(secretRef("password", "absent", "k")));

    AuthResolution r =
        resolve(new InMemoryObjectLookup().add(cta(spec)), CTA_REF, Optional.of(root));

    assertThat(r.problems()).isEmpty();
    assertThat(r.params())
        .containsOnly(Map.entry("password", SECRET_VALUE), Map.entry("user", "u"));
  }

  static Stream<Arguments> badFilePaths() {
    return Stream.of(
        Arguments.of("../outside.json", "filePath: \"..\" is not allowed in the path"),
        Arguments.of("sub/../../outside.json", "filePath: \"..\" is not allowed in the path"),
        Arguments.of("/etc/passwd", "filePath: absolute paths are not allowed"),
        Arguments.of("missing.json", "filePath: cannot read missing.json: NoSuchFileException"),
        Arguments.of("bad.json", "filePath: bad.json is not valid JSON"),
        Arguments.of("list.json", "filePath: list.json is not a JSON object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFilePaths")
  void filePathIsConfinedToTheRoot(String path, String expected, @TempDir Path dir)
      throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.writeString(dir.resolve("outside.json"), "{\"a\":\"" + SECRET_VALUE + "\"}");
    Files.writeString(root.resolve("bad.json"), "{\"a\": " + SECRET_VALUE);
    Files.writeString(root.resolve("list.json"), "[\"" + SECRET_VALUE + "\"]");
    InMemoryObjectLookup lookup =
        new InMemoryObjectLookup().add(cta(new TriggerAuthenticationSpec().filePath(path)));

    AuthResolution r = resolve(lookup, CTA_REF, Optional.of(root));

    assertThat(r.problemLines()).containsExactly(expected);
    assertThat(r.params()).isEmpty();
    assertThat(String.join("\n", r.problemLines())).doesNotContain(SECRET_VALUE);
  }

  @Test
  void filePathOnATriggerAuthenticationIsRejected(@TempDir Path root) throws IOException {
    Files.writeString(root.resolve("a.json"), "{\"a\":\"b\"}");
    InMemoryObjectLookup lookup =
        new InMemoryObjectLookup()
            .add(ta("ns", new TriggerAuthenticationSpec().filePath("a.json")));

    assertThat(resolve(lookup, TA_REF, Optional.of(root)).problemLines())
        .containsExactly(
            "filePath: filePath is only supported for ClusterTriggerAuthentication, got kind:"
                + " TriggerAuthentication");
  }

  @Test
  void filePathWithoutAConfiguredRoot() {
    InMemoryObjectLookup lookup =
        new InMemoryObjectLookup().add(cta(new TriggerAuthenticationSpec().filePath("a.json")));

    assertThat(resolve(lookup, CTA_REF, Optional.empty()).problemLines())
        .containsExactly(
            "filePath: no file-path auth root is configured (--filepath-auth-root-path)");
  }

  @Test
  void noAuthenticationRefMeansNoParams() {
    assertThat(resolve(new InMemoryObjectLookup(), null, Optional.empty()))
        .isEqualTo(AuthResolution.none());
  }
}
