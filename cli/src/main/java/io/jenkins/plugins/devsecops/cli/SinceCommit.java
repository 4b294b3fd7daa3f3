package io.jenkins.plugins.devsecops.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Checks {@code --since} before the scan: it must name a commit of the repository being scanned. */
final class SinceCommit {

    private SinceCommit() {
    }

    /**
     * @throws ParameterException (exit code 2) when {@code root} is in no git repository or {@code since} names no
     *     commit of it
     */
    static void check(Path root, String since, CommandLine commandLine) {
        if (!java.nio.file.Files.exists(root.resolve(".git"))) {
            throw new ParameterException(commandLine, "--since " + since + ": " + root + " is not a git repository");
        }
        // The same repository the secrets stage opens: the one whose work tree is the scanned root.
        try (Repository repository = new FileRepositoryBuilder().setWorkTree(root.toFile()).setMustExist(true)
                .build()) {
            ObjectId commit = repository.resolve(since.strip() + "^{commit}");
            if (commit == null) {
                throw new ParameterException(commandLine, "--since " + since + " is not a commit of the repository "
                        + "at " + repository.getWorkTree());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ParameterException parameter) {
                throw parameter;
            }
            throw new ParameterException(commandLine, "--since " + since + " is not a commit of the repository: "
                    + e.getMessage());
        }
    }
}
