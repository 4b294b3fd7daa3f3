package io.jenkins.plugins.devsecops.images;

import io.jenkins.plugins.devsecops.scan.Stage;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.util.Set;

/**
 * The container image stage: OS packages (dpkg, apk, rpm) and language packages inside images given as
 * {@code docker save} archives, OCI layouts or registry references, each with the layer and instruction that added
 * it, matched against OSV advisories of the image's distribution release. No Docker daemon is used and no layer is
 * extracted. Enabled by default, it does nothing until images are named ({@code images.refs}, the CLI's
 * {@code --image}). See {@code docs/stages/images.md}.
 */
public final class ImageStage implements Stage {

    /** The stage id. */
    public static final String ID = "images";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "OS and language packages inside container images (archives, OCI layouts, registries), matched against "
                + "OSV advisories";
    }

    @Override
    public Set<String> options() {
        return ImageSettings.OPTIONS;
    }

    @Override
    public StageScanner open(StageContext context) {
        return new ImageScanner(context.root(), ImageSettings.from(context));
    }
}
