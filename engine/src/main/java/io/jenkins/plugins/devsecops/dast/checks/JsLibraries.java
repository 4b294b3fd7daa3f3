package io.jenkins.plugins.devsecops.dast.checks;

import io.jenkins.plugins.devsecops.advisory.PackageVersion;
import io.jenkins.plugins.devsecops.dast.http.DastResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the JavaScript library a served script is, and its version, retire.js-style: by the banner comment
 * the library ships with, else by the file name ({@code jquery-3.4.1.min.js}). The result is an npm package version,
 * matched against OSV advisories like a lockfile entry.
 */
public final class JsLibraries {

    private record Signature(String npmName, Pattern pattern) {
    }

    private static final String V = "(\\d+\\.\\d+\\.\\d+(?:-[\\w.]+)?)";

    private static final List<Signature> BANNERS = List.of(
            new Signature("jquery-ui", Pattern.compile("jQuery UI - v" + V)),
            new Signature("jquery-migrate", Pattern.compile("jQuery Migrate (?:- )?v" + V)),
            new Signature("jquery", Pattern.compile("jQuery (?:JavaScript Library )?v" + V)),
            new Signature("angular", Pattern.compile("@license AngularJS v" + V)),
            new Signature("bootstrap", Pattern.compile("Bootstrap v" + V + " \\(https?://getbootstrap")),
            new Signature("lodash", Pattern.compile("@license\\s+(?:\\*\\s+)?(?:lodash|Lodash) " + V)),
            new Signature("lodash", Pattern.compile("(?s)Lodash <https://lodash.com/>.{0,2000}?VERSION\\s*=\\s*['\"]" + V)),
            new Signature("underscore", Pattern.compile("^(?:/[/*]\\s*)?Underscore\\.js " + V, Pattern.MULTILINE)),
            new Signature("moment", Pattern.compile("//! moment\\.js\\s+//! version : " + V)),
            new Signature("handlebars", Pattern.compile("(?i)handlebars v" + V)),
            new Signature("vue", Pattern.compile("Vue\\.js v" + V)),
            new Signature("react-dom", Pattern.compile("@license React v" + V + "\\s+\\*\\s+react-dom")),
            new Signature("react", Pattern.compile("@license React v" + V + "\\s+\\*\\s+react\\.")),
            new Signature("dompurify", Pattern.compile("(?:@license )?DOMPurify " + V)),
            new Signature("backbone", Pattern.compile("Backbone\\.js " + V)),
            new Signature("knockout", Pattern.compile("Knockout JavaScript library v" + V)));

    private static final Pattern FILE_NAME = Pattern.compile(
            "/(jquery-ui|jquery-migrate|jquery|angular|bootstrap|lodash|underscore|moment|handlebars|vue|dompurify|backbone|knockout)"
                    + "[-.@]" + V + "(?:\\.min|\\.slim|\\.slim\\.min)?\\.js$");

    private JsLibraries() {
    }

    /** The library a script is, by banner or file name, or empty. */
    public static Optional<PackageVersion> detect(DastResponse script) {
        String head = script.body().length() > 8192 ? script.body().substring(0, 8192) : script.body();
        for (Signature signature : BANNERS) {
            Matcher matcher = signature.pattern().matcher(head);
            if (matcher.find()) {
                return Optional.of(new PackageVersion("npm", signature.npmName(), matcher.group(1)));
            }
        }
        String path = script.uri().getPath() == null ? "" : script.uri().getPath();
        Matcher name = FILE_NAME.matcher(path);
        if (name.find()) {
            return Optional.of(new PackageVersion("npm", name.group(1), name.group(2)));
        }
        return Optional.empty();
    }
}
