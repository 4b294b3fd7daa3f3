package io.jenkins.plugins.devsecops.dast.checks;

import io.jenkins.plugins.devsecops.dast.crawl.HtmlPage;
import io.jenkins.plugins.devsecops.dast.crawl.Param;
import io.jenkins.plugins.devsecops.dast.http.Exchanger;
import io.jenkins.plugins.devsecops.dast.crawl.Target;
import io.jenkins.plugins.devsecops.dast.http.DastRequest;
import io.jenkins.plugins.devsecops.dast.http.DastResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One parameter of one target under test: sends variants of the target with that parameter changed, the others at
 * their defaults. Anti-CSRF tokens are fetched fresh from the form's page before each variant, as a browser would.
 */
public final class Probe {

    private final Target target;
    private final int index;
    private final Exchanger exchanger;
    private final DastResponse baseline;
    private DastRequest lastRequest;

    Probe(Target target, int index, Exchanger exchanger, DastResponse baseline) {
        this.target = target;
        this.index = index;
        this.exchanger = exchanger;
        this.baseline = baseline;
    }

    /** The target. */
    public Target target() {
        return target;
    }

    /** The parameter under test. */
    public Param param() {
        return target.params().get(index);
    }

    /** The response to the target with its default values. */
    public DastResponse baseline() {
        return baseline;
    }

    /** The URI findings are reported at. */
    public URI uri() {
        return baseline.uri();
    }

    /** The last request sent, for the finding. */
    public DastRequest lastRequest() {
        return lastRequest;
    }

    /** Sends the target with the parameter set to {@code value}. */
    public Optional<DastResponse> send(String value) throws InterruptedException {
        List<Param> values = fresh(exchanger, target);
        values.set(index, values.get(index).withValue(value));
        lastRequest = target.request(values);
        return exchanger.send(lastRequest);
    }

    /** The target's parameters, with fresh anti-CSRF tokens when the form has any. */
    static List<Param> fresh(Exchanger exchanger, Target target) throws InterruptedException {
        List<Param> values = new ArrayList<>(target.params());
        if (target.page() == null || values.stream().noneMatch(Param::isToken) || !target.source().equals("form")) {
            return values;
        }
        Optional<DastResponse> page = exchanger.send(DastRequest.get(URI.create(target.page())));
        if (page.isEmpty() || !page.get().isHtml()) {
            return values;
        }
        for (Target form : HtmlPage.parse(page.get().uri(), page.get().body()).forms()) {
            if (form.shapeKey().equals(target.shapeKey())) {
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i).isToken()) {
                        String name = values.get(i).name();
                        int position = i;
                        form.params().stream().filter(p -> p.name().equals(name)).findFirst()
                                .ifPresent(p -> values.set(position, values.get(position).withValue(p.value())));
                    }
                }
                break;
            }
        }
        return values;
    }
}
