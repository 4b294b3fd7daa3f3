package io.jenkins.plugins.devsecops.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Conversion;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.ReportingDescriptorRelationship;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.contrastsecurity.sarif.ToolComponentReference;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes the SARIF log {@link SarifReportWriter} builds (every run's results left to {@link RunResults}) straight to
 * a streaming generator, field by field: the bytes {@link SarifReportWriter}'s mapper gives for the object model,
 * without the bean introspection, serializer construction and generated accessors the mapper pays at first use.
 *
 * <p>The rules of the mapper, followed here for the parts of the model the writer sets: properties in the order of
 * each class's {@code @JsonPropertyOrder}; a value equal to the one a new instance has ({@code NON_DEFAULT}) left
 * out, nulls too, but empty collections written; {@code level} always written (the writer's mix-ins); property bags'
 * {@code tags} first, then their values sorted by key; dates in the mapper's date format, URIs as text. A part of the
 * model the writer does not set makes this class fail rather than drop it. {@code SarifResultJsonTest} holds the
 * bytes equal for logs of every shape.
 */
final class SarifLogJson {

    /** Writes the results of the run at an index, as an array. */
    @FunctionalInterface
    interface RunResults {
        void write(int runIndex) throws IOException;
    }

    private static final Set<String> RELEVANT_ONLY = new ReportingDescriptorRelationship().getKinds();

    private final JsonGenerator out;

    private SarifLogJson(JsonGenerator out) {
        this.out = out;
    }

    /** Writes {@code log}, whose runs' results are left out of the model, with each run's results from {@code results}. */
    static void write(JsonGenerator out, SarifSchema210 log, RunResults results) throws IOException {
        new SarifLogJson(out).log(log, results);
    }

    private void log(SarifSchema210 log, RunResults results) throws IOException {
        unexpected(log.getInlineExternalProperties() != null || log.getProperties() != null, "log");
        out.writeStartObject();
        if (log.get$schema() != null) {
            out.writeStringField("$schema", log.get$schema().toString());
        }
        if (log.getVersion() != null) {
            out.writeStringField("version", log.getVersion().value());
        }
        if (log.getRuns() != null) {
            out.writeArrayFieldStart("runs");
            int index = 0;
            for (Run run : log.getRuns()) {
                run(run, results, index++);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private void run(Run run, RunResults results, int index) throws IOException {
        unexpected(run.getResults() != null && !run.getResults().isEmpty(), "run results");
        unexpected(run.getVersionControlProvenance() != null || run.getArtifacts() != null
                || run.getLogicalLocations() != null || run.getGraphs() != null || run.getAutomationDetails() != null
                || run.getRunAggregates() != null || run.getBaselineGuid() != null || run.getRedactionTokens() != null
                || run.getDefaultEncoding() != null || run.getDefaultSourceLanguage() != null
                || !"en-US".equals(run.getLanguage())
                || !new Run().getNewlineSequences().equals(run.getNewlineSequences())
                || run.getExternalPropertyFileReferences() != null || run.getThreadFlowLocations() != null
                || run.getAddresses() != null || run.getTranslations() != null || run.getPolicies() != null
                || run.getWebRequests() != null || run.getWebResponses() != null
                || run.getSpecialLocations() != null, "run");
        out.writeStartObject();
        if (run.getTool() != null) {
            out.writeFieldName("tool");
            tool(run.getTool());
        }
        if (run.getInvocations() != null) {
            out.writeArrayFieldStart("invocations");
            for (Invocation invocation : run.getInvocations()) {
                invocation(invocation);
            }
            out.writeEndArray();
        }
        if (run.getConversion() != null) {
            conversion(run.getConversion());
        }
        if (run.getOriginalUriBaseIds() != null) {
            out.writeObjectFieldStart("originalUriBaseIds");
            for (Map.Entry<String, ArtifactLocation> base
                    : new TreeMap<>(run.getOriginalUriBaseIds().getAdditionalProperties()).entrySet()) {
                out.writeFieldName(base.getKey());
                artifactLocation(base.getValue());
            }
            out.writeEndObject();
        }
        // always written (the writer's mix-in): an empty array says "nothing found"
        out.writeFieldName("results");
        results.write(index);
        if (run.getColumnKind() != null) {
            out.writeStringField("columnKind", run.getColumnKind().value());
        }
        if (run.getTaxonomies() != null) {
            out.writeArrayFieldStart("taxonomies");
            for (ToolComponent taxonomy : run.getTaxonomies()) {
                toolComponent(taxonomy);
            }
            out.writeEndArray();
        }
        properties(run.getProperties());
        out.writeEndObject();
    }

    private void tool(Tool tool) throws IOException {
        unexpected(tool.getExtensions() != null || tool.getProperties() != null, "tool");
        out.writeStartObject();
        if (tool.getDriver() != null) {
            out.writeFieldName("driver");
            toolComponent(tool.getDriver());
        }
        out.writeEndObject();
    }

    private void conversion(Conversion conversion) throws IOException {
        unexpected(conversion.getInvocation() != null || conversion.getAnalysisToolLogFiles() != null
                || conversion.getProperties() != null, "conversion");
        out.writeObjectFieldStart("conversion");
        if (conversion.getTool() != null) {
            out.writeFieldName("tool");
            tool(conversion.getTool());
        }
        out.writeEndObject();
    }

    /** A driver or a taxonomy. */
    private void toolComponent(ToolComponent component) throws IOException {
        ToolComponent fresh = new ToolComponent();
        unexpected(component.getGuid() != null || component.getOrganization() != null
                || component.getProduct() != null || component.getProductSuite() != null
                || component.getFullDescription() != null || component.getSemanticVersion() != null
                || component.getDottedQuadFileVersion() != null || component.getReleaseDateUtc() != null
                || component.getDownloadUri() != null || component.getGlobalMessageStrings() != null
                || component.getNotifications() != null || component.getLocations() != null
                || !fresh.getLanguage().equals(component.getLanguage())
                || !fresh.getContents().equals(component.getContents())
                || component.getLocalizedDataSemanticVersion() != null
                || component.getMinimumRequiredLocalizedDataSemanticVersion() != null
                || component.getAssociatedComponent() != null || component.getTranslationMetadata() != null
                || component.getProperties() != null, "tool component");
        out.writeStartObject();
        stringField("name", component.getName());
        multiformat("shortDescription", component.getShortDescription());
        stringField("fullName", component.getFullName());
        stringField("version", component.getVersion());
        if (component.getInformationUri() != null) {
            out.writeStringField("informationUri", component.getInformationUri().toString());
        }
        descriptors("rules", component.getRules());
        descriptors("taxa", component.getTaxa());
        if (component.getIsComprehensive() != null && !component.getIsComprehensive().equals(fresh.getIsComprehensive())) {
            out.writeBooleanField("isComprehensive", component.getIsComprehensive());
        }
        if (component.getSupportedTaxonomies() != null) {
            out.writeArrayFieldStart("supportedTaxonomies");
            for (ToolComponentReference reference : component.getSupportedTaxonomies()) {
                toolComponentReference(reference);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private void descriptors(String field, Collection<ReportingDescriptor> descriptors) throws IOException {
        if (descriptors == null) {
            return;
        }
        out.writeArrayFieldStart(field);
        for (ReportingDescriptor descriptor : descriptors) {
            descriptor(descriptor);
        }
        out.writeEndArray();
    }

    /** A rule or a taxon. */
    private void descriptor(ReportingDescriptor descriptor) throws IOException {
        unexpected(descriptor.getDeprecatedIds() != null || descriptor.getGuid() != null
                || descriptor.getDeprecatedGuids() != null || descriptor.getName() != null
                || descriptor.getDeprecatedNames() != null || descriptor.getMessageStrings() != null, "descriptor");
        out.writeStartObject();
        stringField("id", descriptor.getId());
        multiformat("shortDescription", descriptor.getShortDescription());
        multiformat("fullDescription", descriptor.getFullDescription());
        if (descriptor.getDefaultConfiguration() != null) {
            configuration(descriptor.getDefaultConfiguration());
        }
        if (descriptor.getHelpUri() != null) {
            out.writeStringField("helpUri", descriptor.getHelpUri().toString());
        }
        multiformat("help", descriptor.getHelp());
        if (descriptor.getRelationships() != null) {
            out.writeArrayFieldStart("relationships");
            for (ReportingDescriptorRelationship relationship : descriptor.getRelationships()) {
                relationship(relationship);
            }
            out.writeEndArray();
        }
        properties(descriptor.getProperties());
        out.writeEndObject();
    }

    private void configuration(ReportingConfiguration configuration) throws IOException {
        ReportingConfiguration fresh = new ReportingConfiguration();
        unexpected(!fresh.getEnabled().equals(configuration.getEnabled())
                || !fresh.getRank().equals(configuration.getRank()) || configuration.getParameters() != null
                || configuration.getProperties() != null, "reporting configuration");
        out.writeObjectFieldStart("defaultConfiguration");
        // always written (the writer's mix-in)
        out.writeFieldName("level");
        if (configuration.getLevel() == null) {
            out.writeNull();
        } else {
            out.writeString(configuration.getLevel().value());
        }
        out.writeEndObject();
    }

    private void relationship(ReportingDescriptorRelationship relationship) throws IOException {
        unexpected(relationship.getProperties() != null, "relationship");
        out.writeStartObject();
        if (relationship.getTarget() != null) {
            out.writeFieldName("target");
            reference(relationship.getTarget());
        }
        if (relationship.getKinds() != null && !relationship.getKinds().equals(RELEVANT_ONLY)) {
            out.writeArrayFieldStart("kinds");
            for (String kind : relationship.getKinds()) {
                out.writeString(kind);
            }
            out.writeEndArray();
        }
        message("description", relationship.getDescription());
        out.writeEndObject();
    }

    private void reference(ReportingDescriptorReference reference) throws IOException {
        unexpected(reference.getGuid() != null || reference.getProperties() != null, "descriptor reference");
        out.writeStartObject();
        stringField("id", reference.getId());
        index(reference.getIndex());
        if (reference.getToolComponent() != null) {
            out.writeFieldName("toolComponent");
            toolComponentReference(reference.getToolComponent());
        }
        out.writeEndObject();
    }

    private void toolComponentReference(ToolComponentReference reference) throws IOException {
        unexpected(reference.getGuid() != null || reference.getProperties() != null, "tool component reference");
        out.writeStartObject();
        stringField("name", reference.getName());
        index(reference.getIndex());
        out.writeEndObject();
    }

    private void invocation(Invocation invocation) throws IOException {
        unexpected(invocation.getCommandLine() != null || invocation.getArguments() != null
                || invocation.getResponseFiles() != null || invocation.getExitCode() != null
                || invocation.getRuleConfigurationOverrides() != null
                || invocation.getNotificationConfigurationOverrides() != null
                || invocation.getToolConfigurationNotifications() != null
                || invocation.getExitCodeDescription() != null || invocation.getExitSignalName() != null
                || invocation.getExitSignalNumber() != null || invocation.getProcessStartFailureMessage() != null
                || invocation.getMachine() != null || invocation.getAccount() != null
                || invocation.getProcessId() != null || invocation.getExecutableLocation() != null
                || invocation.getWorkingDirectory() != null || invocation.getEnvironmentVariables() != null
                || invocation.getStdin() != null || invocation.getStdout() != null || invocation.getStderr() != null
                || invocation.getStdoutStderr() != null || invocation.getProperties() != null, "invocation");
        out.writeStartObject();
        date("startTimeUtc", invocation.getStartTimeUtc());
        date("endTimeUtc", invocation.getEndTimeUtc());
        if (invocation.getToolExecutionNotifications() != null) {
            out.writeArrayFieldStart("toolExecutionNotifications");
            for (Notification notification : invocation.getToolExecutionNotifications()) {
                notification(notification);
            }
            out.writeEndArray();
        }
        if (invocation.getExecutionSuccessful() != null) {
            out.writeBooleanField("executionSuccessful", invocation.getExecutionSuccessful());
        }
        out.writeEndObject();
    }

    private void notification(Notification notification) throws IOException {
        unexpected(notification.getThreadId() != null || notification.getTimeUtc() != null
                || notification.getException() != null || notification.getDescriptor() != null
                || notification.getAssociatedRule() != null || notification.getProperties() != null, "notification");
        out.writeStartObject();
        if (notification.getLocations() != null) {
            out.writeArrayFieldStart("locations");
            for (Location location : notification.getLocations()) {
                location(location);
            }
            out.writeEndArray();
        }
        message("message", notification.getMessage());
        // always written (the writer's mix-in)
        out.writeFieldName("level");
        if (notification.getLevel() == null) {
            out.writeNull();
        } else {
            out.writeString(notification.getLevel().value());
        }
        out.writeEndObject();
    }

    private void location(Location location) throws IOException {
        unexpected(location.getId() != null && location.getId() != -1 || location.getLogicalLocations() != null || location.getMessage() != null
                || location.getAnnotations() != null || location.getRelationships() != null
                || location.getProperties() != null, "notification location");
        out.writeStartObject();
        PhysicalLocation physical = location.getPhysicalLocation();
        if (physical != null) {
            unexpected(physical.getAddress() != null || physical.getRegion() != null
                    || physical.getContextRegion() != null || physical.getProperties() != null, "physical location");
            out.writeObjectFieldStart("physicalLocation");
            if (physical.getArtifactLocation() != null) {
                out.writeFieldName("artifactLocation");
                artifactLocation(physical.getArtifactLocation());
            }
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private void artifactLocation(ArtifactLocation location) throws IOException {
        unexpected(location.getProperties() != null, "artifact location");
        out.writeStartObject();
        if (location.getUri() != null) {
            out.writeStringField("uri", location.getUri());
        }
        stringField("uriBaseId", location.getUriBaseId());
        index(location.getIndex());
        message("description", location.getDescription());
        out.writeEndObject();
    }

    private void message(String field, Message message) throws IOException {
        if (message == null) {
            return;
        }
        unexpected(message.getMarkdown() != null || message.getId() != null || message.getArguments() != null
                || message.getProperties() != null, "message");
        out.writeObjectFieldStart(field);
        stringField("text", message.getText());
        out.writeEndObject();
    }

    private void multiformat(String field, MultiformatMessageString message) throws IOException {
        if (message == null) {
            return;
        }
        unexpected(message.getProperties() != null, "message string");
        out.writeObjectFieldStart(field);
        stringField("text", message.getText());
        stringField("markdown", message.getMarkdown());
        out.writeEndObject();
    }

    /** A property bag: its tags, then its values sorted by key (the mapper orders map entries by key). */
    private void properties(PropertyBag properties) throws IOException {
        if (properties == null) {
            return;
        }
        out.writeObjectFieldStart("properties");
        if (properties.getTags() != null) {
            out.writeArrayFieldStart("tags");
            for (String tag : properties.getTags()) {
                out.writeString(tag);
            }
            out.writeEndArray();
        }
        for (Map.Entry<String, Object> fact : new TreeMap<>(properties.getAdditionalProperties()).entrySet()) {
            out.writeFieldName(fact.getKey());
            SarifResultJson.value(out, fact.getValue());
        }
        out.writeEndObject();
    }

    private void date(String field, Date date) throws IOException {
        if (date != null) {
            out.writeStringField(field, UtcTimestamps.sarif(date));
        }
    }

    /** An index, left out at the model's default of -1 (and when null). */
    private void index(Integer index) throws IOException {
        if (index != null && index != -1) {
            out.writeNumberField("index", index);
        }
    }

    private void stringField(String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    private static void unexpected(boolean set, String what) {
        if (set) {
            throw new IllegalStateException("A part of the SARIF " + what + " this writer does not write is set");
        }
    }
}
