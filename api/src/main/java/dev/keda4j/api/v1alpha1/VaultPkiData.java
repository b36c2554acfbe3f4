package dev.keda4j.api.v1alpha1;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** Vault PKI request data. */
public class VaultPkiData {
  @SerializedName("commonName")
  private String commonName;

  @SerializedName("altNames")
  private String altNames;

  @SerializedName("ipSans")
  private String ipSans;

  @SerializedName("uriSans")
  private String uriSans;

  @SerializedName("otherSans")
  private String otherSans;

  @SerializedName("ttl")
  private String ttl;

  @SerializedName("format")
  private String format;

  public String getCommonName() {
    return commonName;
  }

  public VaultPkiData commonName(String commonName) {
    this.commonName = commonName;
    return this;
  }

  public String getAltNames() {
    return altNames;
  }

  public VaultPkiData altNames(String altNames) {
    this.altNames = altNames;
    return this;
  }

  public String getIpSans() {
    return ipSans;
  }

  public VaultPkiData ipSans(String ipSans) {
    this.ipSans = ipSans;
    return this;
  }

  public String getUriSans() {
    return uriSans;
  }

  public VaultPkiData uriSans(String uriSans) {
    this.uriSans = uriSans;
    return this;
  }

  public String getOtherSans() {
    return otherSans;
  }

  public VaultPkiData otherSans(String otherSans) {
    this.otherSans = otherSans;
    return this;
  }

  public String getTtl() {
    return ttl;
  }

  public VaultPkiData ttl(String ttl) {
    this.ttl = ttl;
    return this;
  }

  public String getFormat() {
    return format;
  }

  public VaultPkiData format(String format) {
    this.format = format;
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
    VaultPkiData other = (VaultPkiData) o;
    return Objects.equals(commonName, other.commonName)
        && Objects.equals(altNames, other.altNames)
        && Objects.equals(ipSans, other.ipSans)
        && Objects.equals(uriSans, other.uriSans)
        && Objects.equals(otherSans, other.otherSans)
        && Objects.equals(ttl, other.ttl)
        && Objects.equals(format, other.format);
  }

  @Override
  public int hashCode() {
    return Objects.hash(commonName, altNames, ipSans, uriSans, otherSans, ttl, format);
  }
}
