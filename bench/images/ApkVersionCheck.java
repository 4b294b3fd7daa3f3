import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.version.VersionOrdering;
import io.jenkins.plugins.devsecops.packages.version.VersionOrderings;
import java.nio.file.Files;
import java.nio.file.Path;
/**
 * Runs the engine's Alpine version ordering over a table of apk comparisons in apk-tools' test format
 * ({@code ver1 op ver2} per line, {@code <}, {@code >} or {@code =}; {@code #} comments) and prints each disagreement.
 * A line of one version ({@code !version}: not one) checks validity. Fuzzy operators are counted and left out.
 */
public class ApkVersionCheck {
  public static void main(String[] a) throws Exception {
    VersionOrdering o = VersionOrderings.of(Ecosystem.ALPINE);
    int ok=0, bad=0, skipped=0;
    for (String line : Files.readAllLines(Path.of(a[0]))) {
      int h = line.indexOf('#'); String l = (h>=0? line.substring(0,h): line).strip();
      if (l.isEmpty()) continue;
      String[] p = l.split("\\s+");
      if (p.length == 1) {
        boolean invalid = p[0].startsWith("!");
        String version = invalid ? p[0].substring(1) : p[0];
        if (o.isValid(version) == invalid) { bad++; System.out.println("MISMATCH validity " + l); } else { ok++; }
        continue;
      }
      if (p.length != 3 || !(p[1].equals("<")||p[1].equals(">")||p[1].equals("="))) { skipped++; continue; }
      int exp = p[1].equals("<")?-1:p[1].equals(">")?1:0;
      String got;
      try { int r = Integer.signum(o.compare(p[0], p[2])); if (r==exp) {ok++; continue;} got = String.valueOf(r);} catch (Exception e) { got = "error: "+e.getMessage(); }
      bad++; System.out.println("MISMATCH " + l + " -> " + got);
    }
    System.out.println(ok+" agree, "+bad+" disagree, "+skipped+" other lines (fuzzy operators)");
  }
}
