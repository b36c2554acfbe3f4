package dev.keda4j.adapter.auth;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The front-proxy settings of ConfigMap {@code kube-system/extension-apiserver-authentication}:
 * which CA signs the aggregator's client certificate, which CNs it may have, and which headers
 * carry the user it proxies for.
 *
 * @param clientCa {@code requestheader-client-ca-file}
 * @param allowedNames {@code requestheader-allowed-names} (empty: any CN the CA signed)
 * @param usernameHeaders {@code requestheader-username-headers}
 * @param uidHeaders {@code requestheader-uid-headers}
 * @param groupHeaders {@code requestheader-group-headers}
 * @param extraHeaderPrefixes {@code requestheader-extra-headers-prefix}
 */
public record RequestHeaderConfig(
    List<X509Certificate> clientCa,
    List<String> allowedNames,
    List<String> usernameHeaders,
    List<String> uidHeaders,
    List<String> groupHeaders,
    List<String> extraHeaderPrefixes) {
  public RequestHeaderConfig {
    clientCa = List.copyOf(clientCa);
    allowedNames = List.copyOf(allowedNames);
    usernameHeaders = List.copyOf(usernameHeaders);
    uidHeaders = uidHeaders == null ? List.of() : List.copyOf(uidHeaders);
    groupHeaders = List.copyOf(groupHeaders);
    extraHeaderPrefixes = List.copyOf(extraHeaderPrefixes);
  }

  /** kube-apiserver's usual values: X-Remote-User, X-Remote-Group, X-Remote-Extra-. */
  public static RequestHeaderConfig standard(
      List<X509Certificate> clientCa, List<String> allowedNames) {
    return new RequestHeaderConfig(
        clientCa,
        allowedNames,
        List.of("X-Remote-User"),
        List.of(),
        List.of("X-Remote-Group"),
        List.of("X-Remote-Extra-"));
  }
}
