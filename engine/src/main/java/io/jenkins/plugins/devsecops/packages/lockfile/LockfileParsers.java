package io.jenkins.plugins.devsecops.packages.lockfile;

import java.util.List;
import java.util.Optional;

/** Every supported lockfile, manifest and archive format, looked up by file name. */
public final class LockfileParsers {

    private static final List<LockfileParser> ALL = List.of(
            new NpmLockParser(), new YarnLockParser(), new PnpmLockParser(), new PackageJsonParser(),
            new MavenPomParser(), new MavenDependencyListParser(), new CycloneDxBomParser(), new JavaArchiveParser(),
            new GradleLockParser(),
            new RequirementsParser(), new PipfileLockParser(), TomlLockParser.poetry(), TomlLockParser.uv(),
            new GoModParser(), new GoSumParser(),
            TomlLockParser.cargo(), new GemfileLockParser(), new ComposerLockParser(), new NuGetLockParser());

    private LockfileParsers() {
    }

    /** All parsers. */
    public static List<LockfileParser> all() {
        return ALL;
    }

    /** The parser of a file of this name, if any. */
    public static Optional<LockfileParser> forFileName(String fileName) {
        for (LockfileParser parser : ALL) {
            if (parser.accepts(fileName)) {
                return Optional.of(parser);
            }
        }
        return Optional.empty();
    }
}
