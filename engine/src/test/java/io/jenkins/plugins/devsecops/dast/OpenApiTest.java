package io.jenkins.plugins.devsecops.dast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.dast.crawl.OpenApiOperations;
import io.jenkins.plugins.devsecops.dast.crawl.Target;
import io.jenkins.plugins.devsecops.model.Report;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAPI 3 (JSON) and Swagger 2 (YAML) documents become requests with example or generated values. */
class OpenApiTest {

    static final String PETSTORE_V3 = """
            {
              "openapi": "3.0.3",
              "info": {"title": "Pets", "version": "1"},
              "servers": [{"url": "https://api.example.com/v1"}],
              "paths": {
                "/pets": {
                  "get": {"parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "example": 20}},
                    {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["available", "sold"]}}]},
                  "post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}}
                },
                "/pets/{petId}": {
                  "parameters": [{"$ref": "#/components/parameters/PetId"}],
                  "get": {},
                  "delete": {}
                }
              },
              "components": {
                "parameters": {"PetId": {"name": "petId", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}},
                "schemas": {"Pet": {"type": "object", "properties": {
                  "name": {"type": "string", "example": "Rex"}, "age": {"type": "integer"}, "email": {"type": "string", "format": "email"}}}}
              }
            }
            """;

    static final String STORE_V2 = """
            swagger: "2.0"
            basePath: /api
            paths:
              /orders:
                get:
                  parameters:
                    - name: from
                      in: query
                      type: string
                      format: date
                post:
                  consumes: [application/x-www-form-urlencoded]
                  parameters:
                    - {name: item, in: formData, type: string, default: apple}
                    - {name: count, in: formData, type: integer}
              /search:
                post:
                  parameters:
                    - name: body
                      in: body
                      schema:
                        type: object
                        properties:
                          term: {type: string}
                          exact: {type: boolean}
            """;

    @TempDir
    Path temp;

    @Test
    void shouldReadOpenApi3OperationsWithExamplesReferencesAndGeneratedValues() throws IOException {
        List<Target> targets = OpenApiOperations.parse(PETSTORE_V3).targets(URI.create("http://127.0.0.1:9000/"));

        assertThat(targets).extracting(t -> t.request().toString()).containsExactly(
                "GET http://127.0.0.1:9000/v1/pets?limit=20&status=available",
                "POST http://127.0.0.1:9000/v1/pets",
                "GET http://127.0.0.1:9000/v1/pets/00000000-0000-4000-8000-000000000001",
                "DELETE http://127.0.0.1:9000/v1/pets/00000000-0000-4000-8000-000000000001");
        assertThat(targets.get(1).request().bodyText()).isEqualTo("{\"name\":\"Rex\",\"age\":1,\"email\":\"user@example.com\"}");
        assertThat(targets.get(1).request().contentType()).isEqualTo("application/json");
    }

    @Test
    void shouldReadSwagger2YamlWithFormAndBodyParameters() throws IOException {
        List<Target> targets = OpenApiOperations.parse(STORE_V2).targets(URI.create("http://127.0.0.1:9000/"));

        assertThat(targets).extracting(t -> t.request().toString()).containsExactly(
                "GET http://127.0.0.1:9000/api/orders?from=2024-01-01", "POST http://127.0.0.1:9000/api/orders",
                "POST http://127.0.0.1:9000/api/search");
        assertThat(targets.get(1).request().bodyText()).isEqualTo("item=apple&count=1");
        assertThat(targets.get(2).request().bodyText()).isEqualTo("{\"term\":\"test\",\"exact\":true}");
    }

    @Test
    void shouldRefuseWhatIsNoApiDocument() {
        assertThatThrownBy(() -> OpenApiOperations.parse("{\"hello\": 1}")).hasMessageContaining("not an OpenAPI 3 or Swagger 2");
        assertThatThrownBy(() -> OpenApiOperations.parse("a: &a [*a, *a]\nb: [*a,*a,*a,*a,*a,*a]"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> OpenApiOperations.parse("{\"openapi\": ")).hasMessageContaining("cannot be read");
    }

    @Test
    void shouldTestApiOperationsActivelyAndReportABrokenDocumentAsAnError() throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.route("/api/search", exchange -> {
                String body = new String(server.received.get(server.received.size() - 1).body());
                boolean broken = body.contains("'") && !body.contains("''");
                FixtureWebApp.send(exchange, broken ? 500 : 200, "application/json", broken
                        ? "{\"error\":\"org.h2.jdbc.JdbcSQLSyntaxErrorException: Syntax error in SQL statement\"}"
                        : "{\"results\":[]}");
            });
            server.page("/", "<p>API only</p>");
            Files.writeString(temp.resolve("api.yaml"), STORE_V2);
            Files.writeString(temp.resolve("broken.yaml"), "swagger: [");
            Report report = DastStageTest.scan(temp, Map.of("dast.url", server.uri("/").toString(), "dast.mode", "active",
                    "dast.openapi", "api.yaml", "dast.requestsPerSecond", "1000"));
            Report broken = DastStageTest.scan(temp, Map.of("dast.url", server.uri("/").toString(),
                    "dast.openapi", "broken.yaml", "dast.requestsPerSecond", "1000"));

            assertThat(DastStageTest.located(report, "dast-sqli-error")).containsExactly("POST /api/search term");
            assertThat(server.paths()).contains("GET /api/orders?from=2024-01-01");
            assertThat(broken.stage(DastStage.ID).orElseThrow().errors())
                    .anyMatch(e -> e.message().startsWith("OpenAPI document unusable"));
        }
    }
}
