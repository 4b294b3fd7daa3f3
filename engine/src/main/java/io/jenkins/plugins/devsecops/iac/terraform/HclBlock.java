package io.jenkins.plugins.devsecops.iac.terraform;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import java.util.List;

/**
 * A top-level HCL block such as {@code resource "aws_s3_bucket" "data" { ... }}.
 *
 * @param type the block type, e.g. {@code resource}
 * @param labels its labels, e.g. {@code aws_s3_bucket} and {@code data}
 * @param line the line of its header
 * @param body its attributes and nested blocks (repeated nested blocks become a sequence of mappings)
 */
public record HclBlock(String type, List<String> labels, int line, IacNode.Mapping body) {

    public HclBlock {
        labels = List.copyOf(labels);
    }

    /** The label at {@code index}, or the empty string. */
    public String label(int index) {
        return index < labels.size() ? labels.get(index) : "";
    }
}
