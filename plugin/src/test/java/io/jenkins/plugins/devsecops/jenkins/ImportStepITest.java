package io.jenkins.plugins.devsecops.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import java.util.List;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The step's {@code imports} parameter brings other scanners' reports under the same build action. */
@WithJenkins
class ImportStepITest {

    /** A minimal SARIF 2.1.0 log of a CodeQL-like tool with one error-level result. */
    private static final String SARIF = """
            {
              "version": "2.1.0",
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "runs": [{
                "tool": {"driver": {"name": "CodeQL", "version": "2.19.0", "rules": [{
                  "id": "js/sql-injection",
                  "shortDescription": {"text": "Database query built from user-controlled sources"},
                  "properties": {"security-severity": "8.8", "tags": ["security", "external/cwe/cwe-089"]}
                }]}},
                "results": [{
                  "ruleId": "js/sql-injection",
                  "level": "error",
                  "message": {"text": "This query depends on a user-provided value."},
                  "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": "src/db.js"},
                    "region": {"startLine": 12}
                  }}]
                }]
              }]
            }
            """;

    private static WorkflowJob job(JenkinsRule j, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        j.jenkins.getWorkspaceFor(job).child("reports/codeql.sarif").write(SARIF, "UTF-8");
        j.jenkins.getWorkspaceFor(job).child("src/db.js").write("db.query('SELECT * FROM t WHERE id=' + id)\n", "UTF-8");
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    void shouldImportASarifReportIntoTheBuildAction(JenkinsRule j) throws Exception {
        // Given a workspace with a CodeQL SARIF report and a step that imports it
        WorkflowJob job = job(j, """
                node {
                  def scan = devSecOpsScan stages: 'secrets', failOn: 'CRITICAL',
                      imports: [[format: 'sarif', pattern: 'reports/*.sarif']]
                  echo "total=${scan.total}"
                }
                """);

        // When it runs
        WorkflowRun run = j.buildAndAssertSuccess(job);

        // Then the imported finding is in the action with its stage, rule, location and severity
        j.assertLogContains("Stage 'imports' completed", run);
        JSONObject scan = ScanPages.api(j, run, "devsecops");
        List<JSONObject> imported = scan.getJSONArray("findings").stream().map(JSONObject.class::cast)
                .filter(finding -> "imports".equals(finding.getString("stage"))).toList();
        assertThat(imported).hasSize(1);
        assertThat(imported.get(0).getString("ruleId")).isEqualTo("js/sql-injection");
        assertThat(imported.get(0).getString("severity")).isEqualTo("HIGH");
        assertThat(imported.get(0).getString("location")).isEqualTo("src/db.js:12");
    }

    @Test
    void shouldStopBeforeScanningOnAnUnknownFormat(JenkinsRule j) throws Exception {
        WorkflowJob job = job(j, """
                node { devSecOpsScan imports: [[format: 'pdf', pattern: 'reports/*.sarif']] }
                """);

        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        j.assertLogContains("Unknown import format 'pdf'", run);
        assertThat(run.getAllActions()).noneMatch(action -> "devsecops".equals(action.getUrlName()));
    }
}
