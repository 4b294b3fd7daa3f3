package io.jenkins.plugins.devsecops.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HclParserTest {

    @Test
    void shouldParseBlocksAttributesAndNestedBlocksWithLines() throws Exception {
        String source = """
                # a comment
                // another
                /* block
                   comment */
                resource "aws_security_group" "web" {
                  name = "web-${var.env}"
                  ingress {
                    from_port   = 443
                    cidr_blocks = ["10.0.0.0/8", "192.168.0.0/16"]
                  }
                  ingress {
                    from_port = -1
                    enabled   = true
                  }
                  tags = {
                    Name  = "web"
                    "Cost" : "shop"
                  }
                }
                """;

        List<HclBlock> blocks = HclParser.parse(source);

        assertThat(blocks).hasSize(1);
        HclBlock block = blocks.get(0);
        assertThat(block.type()).isEqualTo("resource");
        assertThat(block.labels()).containsExactly("aws_security_group", "web");
        assertThat(block.line()).isEqualTo(5);
        assertThat(block.body().scalar("name").orElseThrow().text()).isEqualTo("web-${var.env}");
        assertThat(block.body().scalar("name").orElseThrow().line()).isEqualTo(6);
        assertThat(block.body().mappings("ingress")).hasSize(2);
        assertThat(block.body().scalars("ingress.cidr_blocks")).extracting(IacNode.Scalar::text)
                .containsExactly("10.0.0.0/8", "192.168.0.0/16");
        assertThat(block.body().scalars("ingress.from_port")).extracting(IacNode.Scalar::text, IacNode.Scalar::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("443", 8),
                        org.assertj.core.groups.Tuple.tuple("-1", 12));
        assertThat(block.body().scalars("ingress.enabled").get(0).isTrue()).isTrue();
        assertThat(block.body().text("tags").isPresent()).isFalse();
        assertThat(block.body().scalar("tags.Cost")).isEmpty();
        assertThat(block.body().scalars("tags.Cost")).extracting(IacNode.Scalar::text).containsExactly("shop");
    }

    @Test
    void shouldKeepUnreducedExpressionsVerbatimAndReduceWholeInterpolations() throws Exception {
        String source = """
                resource "aws_instance" "app" {
                  ami       = data.aws_ami.ubuntu.id
                  count     = var.enabled ? 1 : 0
                  subnet    = "${aws_subnet.a.id}"
                  user_data = templatefile("init.sh", {
                    region = "eu-west-1"
                  })
                  names     = [for s in var.list : upper(s)]
                  escaped   = "$${literal}"
                }
                """;

        IacNode.Mapping body = HclParser.parse(source).get(0).body();

        assertThat(body.scalar("ami").orElseThrow().kind()).isEqualTo(IacNode.ScalarKind.EXPRESSION);
        assertThat(body.text("ami")).contains("data.aws_ami.ubuntu.id");
        assertThat(body.text("count")).contains("var.enabled ? 1 : 0");
        assertThat(body.scalar("subnet").orElseThrow().kind()).isEqualTo(IacNode.ScalarKind.EXPRESSION);
        assertThat(body.text("subnet")).contains("aws_subnet.a.id");
        assertThat(body.text("user_data").orElseThrow()).startsWith("templatefile(").endsWith("})");
        assertThat(body.text("names")).contains("[for s in var.list : upper(s)]");
        assertThat(body.text("escaped")).contains("${literal}");
    }

    @Test
    void shouldReadJsonHeredocsAndJsonencodeAsValuesWithFileLines() throws Exception {
        String source = """
                resource "aws_iam_policy" "a" {
                  policy = <<EOF
                {
                  "Statement": [{
                    "Effect": "Allow",
                    "Action": "*"
                  }]
                }
                EOF
                }
                resource "aws_iam_policy" "b" {
                  policy = jsonencode({
                    Statement = [{ Action = "s3:*" }]
                  })
                }
                resource "aws_instance" "c" {
                  user_data = <<-SCRIPT
                    #!/bin/sh
                    echo hello
                  SCRIPT
                }
                """;

        List<HclBlock> blocks = HclParser.parse(source);

        IacNode.Mapping a = blocks.get(0).body();
        assertThat(a.scalars("policy.Statement.Action")).extracting(IacNode.Scalar::text, IacNode.Scalar::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("*", 6));
        assertThat(blocks.get(1).body().scalars("policy.Statement.Action")).extracting(IacNode.Scalar::line)
                .containsExactly(13);
        assertThat(blocks.get(2).body().text("user_data")).contains("#!/bin/sh\necho hello");
    }

    @Test
    void shouldTreatDynamicBlocksAsTheirContent() throws Exception {
        String source = """
                resource "aws_security_group" "d" {
                  dynamic "ingress" {
                    for_each = var.ports
                    content {
                      from_port   = ingress.value
                      cidr_blocks = ["0.0.0.0/0"]
                    }
                  }
                }
                """;

        IacNode.Mapping body = HclParser.parse(source).get(0).body();

        assertThat(body.scalars("ingress.cidr_blocks")).extracting(IacNode.Scalar::text).containsExactly("0.0.0.0/0");
    }

    @Test
    void shouldRejectMalformedInputWithTheLine() {
        assertThatThrownBy(() -> HclParser.parse("resource \"a\" \"b\" {\n  name = \"unterminated\n}\n"))
                .isInstanceOf(IacParseException.class).hasMessageContaining("Unterminated string at line 2");
        assertThatThrownBy(() -> HclParser.parse("resource \"a\" \"b\" {\n  name = \"x\"\n"))
                .isInstanceOf(IacParseException.class).hasMessageContaining("end of file");
        assertThatThrownBy(() -> HclParser.parse("= 3"))
                .isInstanceOf(IacParseException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> HclParser.parse("x = <<EOF\nnever closed\n"))
                .isInstanceOf(IacParseException.class).hasMessageContaining("Unterminated heredoc");
        assertThatThrownBy(() -> HclParser.parse("/* open comment"))
                .isInstanceOf(IacParseException.class).hasMessageContaining("Unterminated /* comment");
    }

    @Test
    void shouldRejectDeeplyNestedBlocksAndValues() {
        String blocks = "a {\n".repeat(5000) + "}\n".repeat(5000);
        String values = "x = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        String calls = "x = " + "f(".repeat(100_000) + ")".repeat(100_000) + "\n";

        assertThatThrownBy(() -> HclParser.parse(blocks)).isInstanceOf(IacParseException.class)
                .hasMessageContaining("nested deeper than 64");
        assertThatThrownBy(() -> HclParser.parse(values)).isInstanceOf(IacParseException.class)
                .hasMessageContaining("nested");
        assertThatThrownBy(() -> HclParser.parse(calls)).isInstanceOf(IacParseException.class)
                .hasMessageContaining("nested deeper than 64");
    }

    @Test
    void shouldParseAHugeButFlatFile() throws Exception {
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            source.append("resource \"aws_s3_bucket\" \"b").append(i).append("\" {\n  bucket = \"b").append(i)
                    .append("\"\n}\n");
        }

        List<HclBlock> blocks = HclParser.parse(source.toString());

        assertThat(blocks).hasSize(20_000);
        assertThat(blocks.get(19_999).line()).isEqualTo(59_998);
    }
}
