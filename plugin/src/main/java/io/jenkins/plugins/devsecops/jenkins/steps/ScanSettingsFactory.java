package io.jenkins.plugins.devsecops.jenkins.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Run;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.jenkins.plugins.devsecops.images.ImageSettings;
import io.jenkins.plugins.devsecops.images.ImageStage;
import io.jenkins.plugins.devsecops.images.source.RegistryCredentials;
import io.jenkins.plugins.devsecops.dast.DastStage;
import io.jenkins.plugins.devsecops.imports.ImportStage;
import io.jenkins.plugins.devsecops.jenkins.config.DastConfig;
import io.jenkins.plugins.devsecops.scan.Stage;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import io.jenkins.plugins.devsecops.jenkins.config.DevSecOpsGlobalConfiguration;
import io.jenkins.plugins.devsecops.jenkins.config.ImportReportConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns the step's parameters and the global configuration into {@link ScanSettings}. The step's stages win over
 * the global default stages; the credential is resolved by id in the run's context and never printed.
 */
final class ScanSettingsFactory {

    /** The dependency stage's option for the OSV API base URL. */
    static final String ADVISORY_URL_OPTION = "dependencies.osvUrl";
    /** The dependency stage's option for the OSV API bearer token; sensitive. */
    static final String ADVISORY_TOKEN_OPTION = "dependencies.osvToken";
    /** The image stage's option listing the images to scan. */
    static final String IMAGE_REFS_OPTION = "images.refs";
    /** The image stage's option carrying registry logins; sensitive. */
    static final String REGISTRY_AUTH_OPTION = "images.registryAuth";
    /** The import stage's option listing the reports to import. */
    static final String IMPORT_PATTERNS_OPTION = "imports.patterns";

    private final DevSecOpsScanStep step;
    private final DevSecOpsGlobalConfiguration global;

    ScanSettingsFactory(DevSecOpsScanStep step, DevSecOpsGlobalConfiguration global) {
        this.step = step;
        this.global = global;
    }

    ScanSettings create(Run<?, ?> run) throws AbortException {
        List<String> stages = step.stageList();
        if (stages.isEmpty()) {
            stages = DevSecOpsScanStep.split(global.getDefaultStages());
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (step.isHistory()) {
            options.put("secrets.history", "true");
        }
        putIfNotEmpty(options, ADVISORY_URL_OPTION, global.getAdvisoryUrl());
        if (!step.getImports().isEmpty()) {
            try {
                options.put(IMPORT_PATTERNS_OPTION, ImportReportConfig.toOption(step.getImports()));
            } catch (IllegalArgumentException e) {
                throw new AbortException("devSecOpsScan: imports: " + e.getMessage());
            }
            if (!stages.isEmpty() && !stages.contains(ImportStage.ID)) {
                stages = new ArrayList<>(stages);
                stages.add(ImportStage.ID);
            }
            if (step.isAllowMissingImports()) {
                options.put(ImportStage.ID + ".allowMissing", "true");
            }
        }

        if (!step.getImages().isEmpty()) {
            try {
                options.put(IMAGE_REFS_OPTION, ImageSettings.toOption(step.getImages()));
            } catch (IllegalArgumentException e) {
                throw new AbortException("devSecOpsScan: images: " + e.getMessage());
            }
            if (!stages.isEmpty() && !stages.contains(ImageStage.ID)) {
                stages = new ArrayList<>(stages);
                stages.add(ImageStage.ID);
            }
        }
        putIfNotEmpty(options, "images.platform", step.getPlatform());

        Map<String, String> sensitive = new LinkedHashMap<>();
        String registryCredentialsId = Util.fixEmptyAndTrim(step.getRegistryCredentialsId());
        if (registryCredentialsId != null) {
            StandardUsernamePasswordCredentials login = CredentialsProvider.findCredentialById(registryCredentialsId,
                    StandardUsernamePasswordCredentials.class, run);
            if (login == null) {
                throw new AbortException("devSecOpsScan: no username/password credential with id '"
                        + registryCredentialsId + "' is available to this build");
            }
            CredentialsProvider.track(run, login);
            try {
                // the credential serves the registries of the step's images ("*"), never other hosts
                sensitive.put(REGISTRY_AUTH_OPTION, RegistryCredentials.line("*", login.getUsername(),
                        login.getPassword().getPlainText()));
            } catch (IllegalArgumentException e) {
                throw new AbortException("devSecOpsScan: registryCredentialsId: " + e.getMessage());
            }
        }
        DastConfig dast = step.getDast();
        if (dast != null) {
            options.putAll(dast.toOptions());
            if (stages.isEmpty()) {
                stages = new ArrayList<>();
                for (Stage stage : StageCatalog.builtIn().select(List.of())) {
                    stages.add(stage.id());
                }
                stages.add(DastStage.ID);
            } else if (!stages.contains(DastStage.ID)) {
                stages = new ArrayList<>(stages);
                stages.add(DastStage.ID);
            }
            sensitive.putAll(dastCredentials(dast, run));
        }
        String credentialsId = Util.fixEmptyAndTrim(step.getOsvCredentialsId());
        if (credentialsId == null) {
            credentialsId = Util.fixEmptyAndTrim(global.getAdvisoryCredentialsId());
        }
        if (credentialsId != null) {
            StringCredentials credentials = CredentialsProvider.findCredentialById(credentialsId,
                    StringCredentials.class, run);
            if (credentials == null) {
                throw new AbortException("devSecOpsScan: no secret-text credential with id '" + credentialsId
                        + "' is available to this build");
            }
            CredentialsProvider.track(run, credentials);
            sensitive.put(ADVISORY_TOKEN_OPTION, credentials.getSecret().getPlainText());
        }
        return new ScanSettings(stages, DevSecOpsScanStep.split(step.getIncludes()),
                DevSecOpsScanStep.split(step.getExcludes()), options, sensitive);
    }

    /**
     * The DAST credential, resolved here on the controller in the run's context: a username/password credential gives
     * {@code dast.auth.username} and {@code dast.auth.password}; a secret text gives the bearer token, or the session
     * cookie ({@code name=value}) with {@code authType: 'cookie'}. Only sensitive options carry them to the agent.
     */
    private static Map<String, String> dastCredentials(DastConfig dast, Run<?, ?> run) throws AbortException {
        Map<String, String> sensitive = new LinkedHashMap<>();
        String id = Util.fixEmptyAndTrim(dast.getCredentialsId());
        if (id == null) {
            return sensitive;
        }
        StandardUsernamePasswordCredentials login = CredentialsProvider.findCredentialById(id,
                StandardUsernamePasswordCredentials.class, run);
        if (login != null) {
            CredentialsProvider.track(run, login);
            sensitive.put("dast.auth.username", login.getUsername());
            sensitive.put("dast.auth.password", login.getPassword().getPlainText());
            if (Util.fixEmptyAndTrim(dast.getAuthType()) == null && Util.fixEmptyAndTrim(dast.getLoginUrl()) == null) {
                sensitive.put("dast.auth.type", "basic");
            }
            return sensitive;
        }
        StringCredentials secret = CredentialsProvider.findCredentialById(id, StringCredentials.class, run);
        if (secret == null) {
            throw new AbortException("devSecOpsScan: dast: no username/password or secret-text credential with id '"
                    + id + "' is available to this build");
        }
        CredentialsProvider.track(run, secret);
        sensitive.put("cookie".equalsIgnoreCase(dast.getAuthType()) ? "dast.auth.cookie" : "dast.auth.token",
                secret.getSecret().getPlainText());
        return sensitive;
    }

    private static void putIfNotEmpty(Map<String, String> options, String name, String value) {
        String trimmed = Util.fixEmptyAndTrim(value);
        if (trimmed != null) {
            options.put(name, trimmed);
        }
    }
}
