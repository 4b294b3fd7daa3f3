package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.view.ConsoleText;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * The CLI's console: everything printed through it has control characters escaped ({@link ConsoleText}), so a file
 * name or message from the scanned tree cannot drive the terminal or forge a line; only the line breaks the CLI
 * itself asks for ({@code println}, {@code %n}) reach the terminal.
 */
final class ConsoleWriter extends PrintWriter {

    private ConsoleWriter(Writer out) {
        super(out, true);
    }

    /** Wraps {@code out}, unless it already is a console writer. */
    static PrintWriter of(PrintWriter out) {
        return out instanceof ConsoleWriter ? out : new ConsoleWriter(out);
    }

    @Override
    public void write(String s, int off, int len) {
        String escaped = ConsoleText.escape(s.substring(off, off + len));
        // PrintWriter's own write(String, int, int) goes straight to the wrapped writer
        super.write(escaped, 0, escaped.length());
    }

    @Override
    public void write(String s) {
        write(s, 0, s.length());
    }

    @Override
    public void write(char[] buf, int off, int len) {
        write(new String(buf, off, len));
    }

    @Override
    public void write(int c) {
        write(String.valueOf((char) c));
    }

    @Override
    public PrintWriter format(String format, Object... args) {
        return format(Locale.ROOT, format, args);
    }

    @Override
    public PrintWriter format(Locale locale, String format, Object... args) {
        Object[] escaped = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            boolean plain = arg == null || arg instanceof Number || arg instanceof Boolean || arg instanceof Enum<?>;
            escaped[i] = plain ? arg : ConsoleText.escape(String.valueOf(arg));
        }
        String text = String.format(locale, format, escaped);
        synchronized (lock) {
            try {
                out.write(text);
                out.flush();
            } catch (java.io.IOException e) {
                setError();
            }
        }
        return this;
    }
}
