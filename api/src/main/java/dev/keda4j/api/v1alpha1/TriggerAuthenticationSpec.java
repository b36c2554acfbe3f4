package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Objects;

/** spec of a TriggerAuthentication or ClusterTriggerAuthentication. */
public class TriggerAuthenticationSpec {
  @SerializedName("podIdentity")
  private AuthPodIdentity podIdentity;

  @SerializedName("secretTargetRef")
  private List<AuthSecretTargetRef> secretTargetRef;

  @SerializedName("env")
  private List<AuthEnvironment> env;

  @SerializedName("hashiCorpVault")
  private HashiCorpVault hashiCorpVault;

  @SerializedName("azureKeyVault")
  private AzureKeyVault azureKeyVault;

  @SerializedName("gcpSecretManager")
  private GcpSecretManager gcpSecretManager;

  @SerializedName("awsSecretManager")
  private AwsSecretManager awsSecretManager;

  @SerializedName("boundServiceAccountToken")
  private List<BoundServiceAccountToken> boundServiceAccountToken;

  @SerializedName("configMapTargetRef")
  private List<AuthConfigMapTargetRef> configMapTargetRef;

  @CrdField(description = "ClusterTriggerAuthentication only")
  @SerializedName("filePath")
  private String filePath;

  @SerializedName("oauth2")
  private OAuth2 oauth2;

  public AuthPodIdentity getPodIdentity() {
    return podIdentity;
  }

  public TriggerAuthenticationSpec podIdentity(AuthPodIdentity podIdentity) {
    this.podIdentity = podIdentity;
    return this;
  }

  public List<AuthSecretTargetRef> getSecretTargetRef() {
    return secretTargetRef;
  }

  public TriggerAuthenticationSpec secretTargetRef(List<AuthSecretTargetRef> secretTargetRef) {
    this.secretTargetRef = secretTargetRef;
    return this;
  }

  public List<AuthEnvironment> getEnv() {
    return env;
  }

  public TriggerAuthenticationSpec env(List<AuthEnvironment> env) {
    this.env = env;
    return this;
  }

  public HashiCorpVault getHashiCorpVault() {
    return hashiCorpVault;
  }

  public TriggerAuthenticationSpec hashiCorpVault(HashiCorpVault hashiCorpVault) {
    this.hashiCorpVault = hashiCorpVault;
    return this;
  }

  public AzureKeyVault getAzureKeyVault() {
    return azureKeyVault;
  }

  public TriggerAuthenticationSpec azureKeyVault(AzureKeyVault azureKeyVault) {
    this.azureKeyVault = azureKeyVault;
    return this;
  }

  public GcpSecretManager getGcpSecretManager() {
    return gcpSecretManager;
  }

  public TriggerAuthenticationSpec gcpSecretManager(GcpSecretManager gcpSecretManager) {
    this.gcpSecretManager = gcpSecretManager;
    return this;
  }

  public AwsSecretManager getAwsSecretManager() {
    return awsSecretManager;
  }

  public TriggerAuthenticationSpec awsSecretManager(AwsSecretManager awsSecretManager) {
    this.awsSecretManager = awsSecretManager;
    return this;
  }

  public List<BoundServiceAccountToken> getBoundServiceAccountToken() {
    return boundServiceAccountToken;
  }

  public TriggerAuthenticationSpec boundServiceAccountToken(
      List<BoundServiceAccountToken> boundServiceAccountToken) {
    this.boundServiceAccountToken = boundServiceAccountToken;
    return this;
  }

  public List<AuthConfigMapTargetRef> getConfigMapTargetRef() {
    return configMapTargetRef;
  }

  public TriggerAuthenticationSpec configMapTargetRef(
      List<AuthConfigMapTargetRef> configMapTargetRef) {
    this.configMapTargetRef = configMapTargetRef;
    return this;
  }

  public String getFilePath() {
    return filePath;
  }

  public TriggerAuthenticationSpec filePath(String filePath) {
    this.filePath = filePath;
    return this;
  }

  public OAuth2 getOauth2() {
    return oauth2;
  }

  public TriggerAuthenticationSpec oauth2(OAuth2 oauth2) {
    this.oauth2 = oauth2;
    return this;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    TriggerAuthenticationSpec other = (TriggerAuthenticationSpec) o;
    return Objects.equals(podIdentity, other.podIdentity)
        && Objects.equals(secretTargetRef, other.secretTargetRef)
        && Objects.equals(env, other.env)
        && Objects.equals(hashiCorpVault, other.hashiCorpVault)
        && Objects.equals(azureKeyVault, other.azureKeyVault)
        && Objects.equals(gcpSecretManager, other.gcpSecretManager)
        && Objects.equals(awsSecretManager, other.awsSecretManager)
        && Objects.equals(boundServiceAccountToken, other.boundServiceAccountToken)
        && Objects.equals(configMapTargetRef, other.configMapTargetRef)
        && Objects.equals(filePath, other.filePath)
        && Objects.equals(oauth2, other.oauth2);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        podIdentity,
        secretTargetRef,
        env,
        hashiCorpVault,
        azureKeyVault,
        gcpSecretManager,
        awsSecretManager,
        boundServiceAccountToken,
        configMapTargetRef,
        filePath,
        oauth2);
  }
}
