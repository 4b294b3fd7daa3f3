package io.jenkins.plugins.devsecops.iac.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simple commands of a shell-form {@code RUN}: the text split on {@code &&}, {@code ||}, {@code ;}, {@code |}
 * and newlines, each split into words with quotes removed. Leading variable assignments ({@code DEBIAN_FRONTEND=x})
 * and wrappers ({@code sudo}, {@code exec}, {@code env}, {@code command}) are dropped, so that the first word is the
 * program. Good enough for recognising package-manager calls; not a shell.
 */
final class ShellCommands {

    private static final int MAX_COMMANDS = 2_000;
    private static final int CACHED_RUNS = 32;
    private static final java.util.regex.Pattern SEPARATOR = java.util.regex.Pattern.compile("&&|\\|\\||;|\\||\\n");
    /** Runs of white space, between the words of a command or an instruction (shared by the package's parsers and rules). */
    static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    private static final ThreadLocal<Map<String, List<Command>>> RECENT = ThreadLocal.withInitial(() ->
            new java.util.LinkedHashMap<>(CACHED_RUNS * 2, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Command>> eldest) {
                    return size() > CACHED_RUNS;
                }
            });

    private ShellCommands() {
    }

    /** One simple command: the program and its arguments. */
    record Command(List<String> words, String program) {

        Command(List<String> words) {
            this(words, null);
        }

        /** {@code program} is always worked out from {@code words} (whatever is passed). */
        Command {
            words = List.copyOf(words);
            program = programOf(words);
        }

        /** The first word without its directory, in lower case: the program; worked out once, rules ask often. */
        private static String programOf(List<String> words) {
            String first = words.isEmpty() ? "" : words.get(0);
            return first.substring(first.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        }

        /** Whether a word holds {@code part}, ignoring case (ASCII and beyond, as {@code regionMatches} does). */
        boolean anyWordContainsIgnoreCase(String part) {
            for (String word : words) {
                for (int i = 0; i + part.length() <= word.length(); i++) {
                    if (word.regionMatches(true, i, part, 0, part.length())) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** The word after the program's options, e.g. {@code install} of {@code apt-get -q install x}. */
        String subcommand() {
            for (int i = 1; i < words.size(); i++) {
                if (!words.get(i).startsWith("-")) {
                    return words.get(i);
                }
            }
            return "";
        }

        /** The words after the subcommand. */
        List<String> arguments() {
            for (int i = 1; i < words.size(); i++) {
                if (!words.get(i).startsWith("-")) {
                    return words.subList(i + 1, words.size());
                }
            }
            return List.of();
        }

        boolean has(String option) {
            return words.contains(option);
        }

        boolean hasPrefix(String prefix) {
            return words.stream().anyMatch(w -> w.startsWith(prefix));
        }

        boolean is(String program, String... subcommands) {
            if (!program().equals(program)) {
                return false;
            }
            if (subcommands.length == 0) {
                return true;
            }
            String sub = subcommand();
            for (String candidate : subcommands) {
                if (candidate.equals(sub)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code text} with the inside of quoted strings replaced by {@code _}, so that operators in them are not seen. */
    static String masked(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                    out.append(c);
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    out.append("__");
                    i++;
                } else {
                    out.append(c == '\n' ? '\n' : '_');
                }
            } else {
                if (c == '"' || c == '\'') {
                    quote = c;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code run} pipes one command into another ({@code |} outside quotes, not {@code ||}). */
    static boolean pipes(String run) {
        String masked = masked(run);
        for (int i = 0; i < masked.length(); i++) {
            if (masked.charAt(i) == '|') {
                boolean doubled = i + 1 < masked.length() && masked.charAt(i + 1) == '|' || i > 0
                        && masked.charAt(i - 1) == '|';
                if (!doubled) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The simple commands of {@code run}; the last few results per thread are kept, as many rules ask for them. */
    static List<Command> of(String run) {
        Map<String, List<Command>> cache = RECENT.get();
        List<Command> cached = cache.get(run);
        if (cached == null) {
            cached = parse(run);
            cache.put(run, cached);
        }
        return cached;
    }

    private static List<Command> parse(String run) {
        List<Command> commands = new ArrayList<>();
        String masked = masked(run);
        List<String> parts = new ArrayList<>();
        java.util.regex.Matcher separator = SEPARATOR.matcher(masked);
        int start = 0;
        while (separator.find()) {
            parts.add(run.substring(start, separator.start()));
            start = separator.end();
        }
        parts.add(run.substring(start));
        for (String part : parts) {
            if (commands.size() >= MAX_COMMANDS) {
                break;
            }
            List<String> words = new ArrayList<>();
            for (String word : WHITESPACE.split(part.strip())) {
                String clean = word.replace("\"", "").replace("'", "").replace("(", "").replace(")", "");
                if (!clean.isEmpty()) {
                    words.add(clean);
                }
            }
            while (!words.isEmpty() && (isAssignment(words.get(0)) || isWrapper(words.get(0)))) {
                words.remove(0);
            }
            if (!words.isEmpty()) {
                commands.add(new Command(List.copyOf(words)));
            }
        }
        return List.copyOf(commands);
    }

    private static boolean isAssignment(String word) {
        int equals = word.indexOf('=');
        if (equals <= 0 || !(Character.isLetter(word.charAt(0)) || word.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < equals; i++) {
            char c = word.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWrapper(String word) {
        return word.equals("sudo") || word.equals("exec") || word.equals("env") || word.equals("command")
                || word.equals("then") || word.equals("do") || word.equals("else") || word.equals("{");
    }
}
