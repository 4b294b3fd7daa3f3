package io.jenkins.plugins.devsecops.iac.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {

    @Test
    void shouldReadEveryDocumentWithKeyLines() throws Exception {
        String text = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: a
                ---
                # comment only document follows
                ---
                apiVersion: v1
                kind: Service
                spec:
                  ports:
                    - port: 80
                """;

        List<IacNode> documents = YamlDocuments.parse(text);

        assertThat(documents).hasSize(2);
        IacNode.Mapping service = (IacNode.Mapping) documents.get(1);
        assertThat(service.line()).isEqualTo(8);
        assertThat(service.first("spec.ports").orElseThrow().line()).isEqualTo(12);
        assertThat(service.scalars("spec.ports.port").get(0).kind()).isEqualTo(IacNode.ScalarKind.NUMBER);
        assertThat(((IacNode.Mapping) documents.get(0)).first("metadata").orElseThrow().line()).isEqualTo(3);
    }

    @Test
    void shouldExpandCloudFormationShortFormTags() throws Exception {
        String text = """
                Resources:
                  B:
                    Properties:
                      Name: !Sub "${AWS::StackName}-b"
                      Arn: !GetAtt Key.Arn
                      Ref: !Ref Param
                      Joined: !Join [",", [a, b]]
                """;

        IacNode.Mapping properties = ((IacNode.Mapping) YamlDocuments.parse(text).get(0)).mappings("Resources.B.Properties")
                .get(0);

        assertThat(properties.scalars("Name.Fn::Sub")).extracting(IacNode.Scalar::text)
                .containsExactly("${AWS::StackName}-b");
        assertThat(properties.scalars("Arn.Fn::GetAtt")).extracting(IacNode.Scalar::text).containsExactly("Key.Arn");
        assertThat(properties.scalars("Ref.Ref")).extracting(IacNode.Scalar::text).containsExactly("Param");
        assertThat(properties.mapping("Joined").orElseThrow().has("Fn::Join")).isTrue();
    }

    @Test
    void shouldApplyMergeKeys() throws Exception {
        String text = """
                base: &base
                  privileged: true
                  user: 1000
                child:
                  <<: *base
                  user: 0
                """;

        IacNode.Mapping root = (IacNode.Mapping) YamlDocuments.parse(text).get(0);

        assertThat(root.scalars("child.privileged")).extracting(IacNode.Scalar::text).containsExactly("true");
        assertThat(root.scalars("child.user")).extracting(IacNode.Scalar::text).containsExactly("0");
    }

    @Test
    void shouldRejectAnAnchorBomb() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = c;
        }

        assertThatThrownBy(() -> YamlDocuments.parse(bomb.toString())).isInstanceOf(IacParseException.class)
                .hasMessageContaining("alias");
    }

    @Test
    void shouldRejectDeepNestingHugeInputAndMalformedYaml() {
        String deep = "a: " + "[".repeat(5000) + "]".repeat(5000);
        String huge = "k: " + "x".repeat(YamlDocuments.MAX_CHARACTERS + 1);

        assertThatThrownBy(() -> YamlDocuments.parse(deep)).isInstanceOf(IacParseException.class)
                .hasMessageContaining("Malformed YAML");
        assertThatThrownBy(() -> YamlDocuments.parse(huge)).isInstanceOf(IacParseException.class)
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> YamlDocuments.parse("a: [unclosed\nb: c\n")).isInstanceOf(IacParseException.class)
                .hasMessageStartingWith("Malformed YAML");
    }

    @Test
    void shouldRefuseGlobalTagsInsteadOfConstructingObjects() {
        String text = "x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n";

        assertThatThrownBy(() -> YamlDocuments.parse(text)).isInstanceOf(IacParseException.class)
                .hasMessageContaining("Global tag is not allowed");
    }

    @Test
    void shouldReadJsonWithLinesAndRejectDeepOrBrokenJson() throws Exception {
        IacNode node = JsonDocuments.parse("{\n  \"a\": {\n    \"b\": [1, true, null, \"s\"]\n  }\n}", 10);

        assertThat(((IacNode.Mapping) node).scalars("a.b")).extracting(IacNode.Scalar::line)
                .containsOnly(12);
        assertThat(((IacNode.Mapping) node).first("a").orElseThrow().line()).isEqualTo(11);
        assertThatThrownBy(() -> JsonDocuments.parse("[".repeat(10_000), 1)).isInstanceOf(IacParseException.class);
        assertThatThrownBy(() -> JsonDocuments.parse("{\"a\": ", 1)).isInstanceOf(IacParseException.class)
                .hasMessageStartingWith("Malformed JSON");
        assertThatThrownBy(() -> JsonDocuments.parse("{} {}", 1)).isInstanceOf(IacParseException.class);
    }
}
