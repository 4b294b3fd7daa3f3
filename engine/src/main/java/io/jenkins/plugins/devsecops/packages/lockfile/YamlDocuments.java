package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.scan.ParserErrors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/** Reads YAML lockfiles safely: few aliases (no billion laughs), bounded size and depth, no duplicate keys. */
final class YamlDocuments {

    private static final ObjectMapper MAPPER;

    static {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(64 * 1024 * 1024);
        options.setNestingDepthLimit(100);
        options.setAllowDuplicateKeys(false);
        MAPPER = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
    }

    private YamlDocuments() {
    }

    static JsonNode parse(Lockfile file) throws LockfileException {
        try {
            JsonNode root = MAPPER.readTree(file.text());
            if (root == null || !root.isObject()) {
                throw new LockfileException("expected a YAML mapping");
            }
            return root;
        } catch (IOException e) {
            throw new LockfileException(ParserErrors.describe(e), e);
        }
    }
}
