package io.jenkins.plugins.devsecops.dast;

import io.jenkins.plugins.devsecops.dast.checks.PassiveChecks;
import io.jenkins.plugins.devsecops.dast.crawl.HtmlPage;
import io.jenkins.plugins.devsecops.dast.crawl.Param;
import io.jenkins.plugins.devsecops.dast.crawl.Target;
import io.jenkins.plugins.devsecops.dast.crawl.Urls;
import io.jenkins.plugins.devsecops.dast.http.DastRequest;
import io.jenkins.plugins.devsecops.dast.http.DastResponse;
import io.jenkins.plugins.devsecops.dast.http.HttpGate;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Breadth-first crawl from the start URL and the seeds (sitemap, API operations): GETs pages and their scripts
 * within the scope and depth, runs the passive checks on each response, and collects the links with a query and
 * the forms as {@link Target}s for the active checks. GET forms are submitted with their default values, as a
 * spider does; POST forms never are by the crawl. No JavaScript is executed: pages with scripts are listed as such.
 */
final class Crawler {

    private static final int MAX_VARIANTS_PER_SHAPE = 5;

    private final Session session;
    private final HttpGate gate;
    private final int maxDepth;
    private final BiConsumer<DastResponse, Optional<HtmlPage>> onResponse;
    private final Deque<Item> queue = new ArrayDeque<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private final Map<String, Integer> variants = new HashMap<>();
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Set<String> scriptsSeen = new LinkedHashSet<>();
    private final List<String> pagesWithScripts = new ArrayList<>();
    private final Map<String, Integer> linksOutOfScope = new TreeMap<>();
    private final List<DastResponse> scripts = new ArrayList<>();
    private int pages;

    private record Item(URI uri, int depth) {
    }

    Crawler(Session session, HttpGate gate, int maxDepth, BiConsumer<DastResponse, Optional<HtmlPage>> onResponse) {
        this.session = session;
        this.gate = gate;
        this.maxDepth = maxDepth;
        this.onResponse = onResponse;
    }

    /** Adds a URL to visit at a depth. */
    void seed(URI uri, int depth) {
        enqueue(uri, depth);
    }

    /** Adds a target found elsewhere (an API operation). */
    void target(Target target) {
        targets.putIfAbsent(target.shapeKey(), target);
    }

    /** Crawls until the queue is empty. */
    void run() throws InterruptedException {
        while (!queue.isEmpty()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("DAST crawl stopped");
            }
            Item item = queue.poll();
            Optional<DastResponse> response = session.fetch(DastRequest.get(item.uri()));
            if (response.isEmpty()) {
                continue;
            }
            pages++;
            DastResponse page = response.get();
            seen.add(key(page.uri()));
            List<Param> requested = HtmlPage.queryParams(item.uri());
            if (!requested.isEmpty() && !page.isHtml()) {
                target(new Target("GET", Urls.withoutQuery(item.uri()), requested, "link", item.uri().toString()));
            }
            if (!page.isHtml()) {
                onResponse.accept(page, Optional.empty());
                continue;
            }
            HtmlPage html = HtmlPage.parse(page.uri(), page.body());
            onResponse.accept(page, Optional.of(html));
            if (html.hasScripts()) {
                pagesWithScripts.add(page.uri().toString());
            }
            for (URI visited : List.of(item.uri(), page.uri())) {
                List<Param> query = HtmlPage.queryParams(visited);
                if (!query.isEmpty()) {
                    target(new Target("GET", Urls.withoutQuery(visited), query, "link", visited.toString()));
                }
            }
            for (URI script : html.scripts()) {
                fetchScript(script);
            }
            if (item.depth() >= maxDepth) {
                continue;
            }
            for (URI link : html.links()) {
                enqueue(link, item.depth() + 1);
            }
            for (Target form : html.forms()) {
                target(form);
                if (form.method().equals("GET")) {
                    enqueue(form.request().uri(), item.depth() + 1);
                }
            }
        }
    }

    private void fetchScript(URI script) throws InterruptedException {
        if (!scriptsSeen.add(script.toString())) {
            return;
        }
        if (!gate.allows("GET", script)) {
            countOutOfScope(script);
            return;
        }
        Optional<DastResponse> response = session.fetch(DastRequest.get(script));
        if (response.isEmpty()) {
            return;
        }
        onResponse.accept(response.get(), Optional.empty());
        scripts.add(new DastResponse(response.get().request(), response.get().status(), response.get().headers(),
                response.get().body().length() > 4096 ? response.get().body().substring(0, 4096)
                        + tail(response.get().body()) : response.get().body(), response.get().truncated(),
                response.get().millis()));
        Optional<String> map = PassiveChecks.sourceMapReference(response.get());
        if (map.isPresent()) {
            Optional<URI> mapUri = Urls.resolve(script, map.get());
            if (mapUri.isPresent() && gate.allows("GET", mapUri.get()) && scriptsSeen.add(mapUri.get().toString())) {
                session.fetch(DastRequest.get(mapUri.get())).ifPresent(r -> onResponse.accept(r, Optional.empty()));
            }
        }
    }

    private static String tail(String body) {
        return "\n" + body.substring(Math.max(4096, body.length() - 600));
    }

    private void enqueue(URI uri, int depth) {
        String key = key(uri);
        if (seen.contains(key)) {
            return;
        }
        if (!gate.allows("GET", uri)) {
            seen.add(key);
            countOutOfScope(uri);
            return;
        }
        String shape = Urls.withoutQuery(uri) + "?" + HtmlPage.queryParams(uri).stream().map(Param::name).sorted()
                .collect(Collectors.joining("&"));
        if (variants.merge(shape, 1, Integer::sum) > MAX_VARIANTS_PER_SHAPE) {
            return;
        }
        seen.add(key);
        queue.add(new Item(uri, depth));
    }

    private void countOutOfScope(URI uri) {
        String reason = gate.scope().refusal(uri).orElse("verb not allowed");
        linksOutOfScope.merge(reason.startsWith("other origin") ? "other origin" : reason.startsWith("excluded")
                ? "excluded" : reason, 1, Integer::sum);
    }

    private static String key(URI uri) {
        return uri.toString();
    }

    int pages() {
        return pages;
    }

    List<Target> targets() {
        return List.copyOf(targets.values());
    }

    List<String> pagesWithScripts() {
        return List.copyOf(pagesWithScripts);
    }

    Map<String, Integer> linksOutOfScope() {
        return Map.copyOf(linksOutOfScope);
    }

    /** The scripts fetched (their first 4 KiB and last 600 characters, for library banners). */
    List<DastResponse> scripts() {
        return List.copyOf(scripts);
    }
}
