package dev.keda4j.adapter.auth;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Verifies a presented client chain against one CA bundle for client authentication, like Go's
 * {@code x509.Verify} with {@code ExtKeyUsageClientAuth}. TLS itself does not verify client
 * certificates here (two CAs with different meanings share one listener), so this is the check.
 */
public final class ClientCertificateVerifier {
  private static final String CLIENT_AUTH_EKU = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_EKU = "2.5.29.37.0";

  private static final Duration VERIFIED_FOR = Duration.ofMinutes(1);
  private static final int MAX_REMEMBERED = 1_000;

  private final Set<TrustAnchor> anchors = new HashSet<>();
  // PKIX path validation on every request dominated a metric read's cost; the aggregator presents
  // the same chain each time, so a success is remembered briefly (never past the leaf's notAfter)
  private final Map<List<X509Certificate>, Instant> verifiedUntil = new ConcurrentHashMap<>();

  public ClientCertificateVerifier(List<X509Certificate> cas) {
    for (X509Certificate ca : cas) {
      anchors.add(new TrustAnchor(ca, null));
    }
  }

  public boolean hasAnchors() {
    return !anchors.isEmpty();
  }

  /**
   * Null when {@code chain} (leaf first) chains to one of the CAs at {@code now} and may be used
   * for client authentication, else the reason.
   */
  public String problem(List<X509Certificate> chain, Instant now) {
    if (anchors.isEmpty()) {
      return "no CA configured";
    }
    Instant until = verifiedUntil.get(chain);
    if (until != null && now.isBefore(until)) {
      return null;
    }
    String problem = validate(chain, now);
    if (problem == null) {
      if (verifiedUntil.size() >= MAX_REMEMBERED) {
        verifiedUntil.clear();
      }
      Instant notAfter = chain.get(0).getNotAfter().toInstant();
      Instant remember = now.plus(VERIFIED_FOR);
      verifiedUntil.put(chain, notAfter.isBefore(remember) ? notAfter : remember);
    }
    return problem;
  }

  private String validate(List<X509Certificate> chain, Instant now) {
    try {
      CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
      PKIXParameters params = new PKIXParameters(anchors);
      params.setRevocationEnabled(false);
      params.setDate(Date.from(now));
      CertPathValidator.getInstance("PKIX").validate(path, params);
      List<String> eku = chain.get(0).getExtendedKeyUsage();
      if (eku != null && !eku.contains(CLIENT_AUTH_EKU) && !eku.contains(ANY_EKU)) {
        return "x509: certificate specifies an incompatible key usage";
      }
      return null;
    } catch (CertPathValidatorException e) {
      return e.getReason() == BasicReason.EXPIRED || e.getReason() == BasicReason.NOT_YET_VALID
          ? "x509: certificate has expired or is not yet valid"
          : "x509: certificate signed by unknown authority";
    } catch (GeneralSecurityException e) {
      return "x509: certificate signed by unknown authority";
    }
  }

  /** The subject's first CN ("" if none). */
  public static String commonName(X509Certificate cert) {
    return rdnValues(cert, "CN").stream().findFirst().orElse("");
  }

  /** The subject's O values (groups for x509 client-certificate users). */
  public static List<String> organizations(X509Certificate cert) {
    return rdnValues(cert, "O");
  }

  private static List<String> rdnValues(X509Certificate cert, String type) {
    try {
      List<Rdn> rdns = new LdapName(cert.getSubjectX500Principal().getName()).getRdns();
      return rdns.stream()
          .filter(r -> r.getType().equalsIgnoreCase(type))
          .map(r -> String.valueOf(r.getValue()))
          .toList();
    } catch (InvalidNameException e) {
      return List.of();
    }
  }
}
