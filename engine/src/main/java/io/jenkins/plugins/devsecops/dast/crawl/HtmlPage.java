package io.jenkins.plugins.devsecops.dast.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What a crawled HTML page offers the crawler, read with jsoup (no JavaScript is executed): links, script URLs,
 * frames, meta refreshes and forms as {@link Target}s.
 */
public final class HtmlPage {

    private static final int MAX_LINKS = 2000;
    private static final int MAX_FORMS = 100;

    private final URI uri;
    private final Document document;

    private HtmlPage(URI uri, Document document) {
        this.uri = uri;
        this.document = document;
    }

    /** Parses a page; jsoup never fails on bad HTML, and honours {@code <base href>}. */
    public static HtmlPage parse(URI uri, String html) {
        Parser parser = Parser.htmlParser();
        parser.setTrackErrors(0);
        return new HtmlPage(uri, Jsoup.parse(html, uri.toString(), parser));
    }

    /** The parsed document. */
    public Document document() {
        return document;
    }

    /** Navigable links: anchors, areas, frames, iframes and meta refresh targets. */
    public Set<URI> links() {
        Set<URI> links = new LinkedHashSet<>();
        for (Element element : document.select("a[href], area[href], frame[src], iframe[src]")) {
            if (links.size() >= MAX_LINKS) {
                break;
            }
            String attribute = element.hasAttr("href") ? "href" : "src";
            resolve(element.attr(attribute)).ifPresent(links::add);
        }
        for (Element meta : document.select("meta[http-equiv]")) {
            if (meta.attr("http-equiv").equalsIgnoreCase("refresh")) {
                String content = meta.attr("content");
                int url = content.toLowerCase(Locale.ROOT).indexOf("url=");
                if (url >= 0) {
                    resolve(content.substring(url + 4).replace("'", "").replace("\"", "")).ifPresent(links::add);
                }
            }
        }
        return links;
    }

    /** Scripts' URLs ({@code script[src]}). */
    public Set<URI> scripts() {
        Set<URI> scripts = new LinkedHashSet<>();
        for (Element element : document.select("script[src]")) {
            resolve(element.attr("src")).ifPresent(scripts::add);
        }
        return scripts;
    }

    /** Whether the page has scripts, whose effect the crawler cannot see. */
    public boolean hasScripts() {
        return !document.select("script").isEmpty();
    }

    /** Forms as targets: action (the page when absent), verb, and every named field with its default value. */
    public List<Target> forms() {
        List<Target> forms = new ArrayList<>();
        for (Element form : document.select("form")) {
            if (forms.size() >= MAX_FORMS) {
                break;
            }
            String method = form.attr("method").isBlank() ? "GET" : form.attr("method").trim().toUpperCase(Locale.ROOT);
            if (!method.equals("POST")) {
                method = "GET";
            }
            URI action = form.attr("action").isBlank() ? uri : resolve(form.attr("action")).orElse(null);
            if (action == null) {
                continue;
            }
            Param.In in = method.equals("GET") ? Param.In.QUERY : Param.In.FORM;
            List<Param> params = new ArrayList<>();
            if (method.equals("POST") && action.getRawQuery() != null) {
                params.addAll(queryParams(action));
            }
            boolean submitSeen = false;
            for (Element field : form.select("input[name], select[name], textarea[name], button[name]")) {
                String name = field.attr("name");
                String tag = field.tagName();
                String type = tag.equals("input") ? field.attr("type").toLowerCase(Locale.ROOT)
                        : tag.equals("button") ? (field.attr("type").isBlank() ? "submit" : field.attr("type").toLowerCase(Locale.ROOT))
                        : tag;
                if ((type.equals("submit") || type.equals("image")) && submitSeen) {
                    continue;
                }
                if ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked")
                        && params.stream().anyMatch(p -> p.name().equals(name))) {
                    continue;
                }
                submitSeen |= type.equals("submit") || type.equals("image");
                String value = switch (tag) {
                    case "textarea" -> field.text();
                    case "select" -> {
                        Element selected = field.selectFirst("option[selected]");
                        Element option = selected != null ? selected : field.selectFirst("option");
                        yield option == null ? "" : option.hasAttr("value") ? option.attr("value") : option.text();
                    }
                    default -> field.hasAttr("value") ? field.attr("value") : type.equals("checkbox") ? "on" : "";
                };
                if (params.stream().anyMatch(p -> p.name().equals(name) && p.in() == in)) {
                    continue;
                }
                params.add(new Param(name, value, in, type.isEmpty() ? "text" : type));
            }
            String base = method.equals("GET") ? Urls.withoutQuery(action) : action.toString();
            forms.add(new Target(method, base, params, "form", uri.toString()));
        }
        return forms;
    }

    /** Forms' actions, the password fields and their attributes, for the passive form checks. */
    public List<Element> formElements() {
        return document.select("form");
    }

    /** The query of a URI as parameters. */
    public static List<Param> queryParams(URI uri) {
        List<Param> params = new ArrayList<>();
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.add(new Param(name, value, Param.In.QUERY, ""));
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private java.util.Optional<URI> resolve(String href) {
        java.util.Optional<URI> base = Urls.resolve(uri, document.baseUri());
        return Urls.resolve(base.orElse(uri), href);
    }
}
