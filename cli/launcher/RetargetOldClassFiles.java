import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Run by {@code ./devsecops} on JDK 25 or newer, once per built jar, as a single-file program:
 * {@code java RetargetOldClassFiles.java IN.jar OUT.jar PREFIX...}. Copies the jar, rewriting the class files under
 * the given prefixes that are older than Java 6 (picocli ships Java 5 class files) as Java 7 class files with stack
 * maps, computed by the JDK's class-file API: the same bytecode, now checked by the type-checking verifier, and
 * accepted by the JVM's ahead-of-time cache (which takes no class that needs the old verifier), so they are no
 * longer parsed and verified at every start. A class the API cannot rewrite is copied unchanged.
 */
public final class RetargetOldClassFiles {

    /** Java 7: the first class-file version whose stack maps are checked without falling back to the old verifier. */
    private static final int TARGET_MAJOR = 51;

    private static final int FIRST_WITH_STACK_MAPS = 50;

    private RetargetOldClassFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: java RetargetOldClassFiles.java IN.jar OUT.jar PREFIX...");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int rewritten = 0;
        int kept = 0;
        try (URLClassLoader jarClasses = new URLClassLoader(new URL[] {in.toUri().toURL()}, null);
                ZipFile zip = new ZipFile(in.toFile());
                OutputStream file = Files.newOutputStream(out);
                ZipOutputStream copy = new ZipOutputStream(file)) {
            // A copy for this machine, made at first use: compressed fast rather than small.
            copy.setLevel(Deflater.BEST_SPEED);
            // Stack maps need the common super class of two types: read from the jar itself, then from the JDK.
            ClassFile classFiles = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.ofResourceParsing(jarClasses).orElse(ClassHierarchyResolver.defaultResolver())));
            ClassTransform retarget = ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                    .andThen((builder, element) -> {
                        if (element instanceof ClassFileVersion) {
                            builder.withVersion(TARGET_MAJOR, 0);
                        } else {
                            builder.with(element);
                        }
                    });
            for (ZipEntry entry : Collections.list(zip.entries())) {
                byte[] content = zip.getInputStream(entry).readAllBytes();
                if (!entry.isDirectory() && entry.getName().endsWith(".class") && selected(entry.getName(), args)
                        && major(content) < FIRST_WITH_STACK_MAPS) {
                    try {
                        content = classFiles.transformClass(classFiles.parse(content), retarget);
                        rewritten++;
                    } catch (RuntimeException e) {
                        System.err.println("kept as is: " + entry.getName() + ": " + e.getMessage());
                        kept++;
                    }
                }
                ZipEntry written = new ZipEntry(entry.getName());
                written.setTime(entry.getTime());
                copy.putNextEntry(written);
                copy.write(content);
                copy.closeEntry();
            }
        }
        System.err.println("rewrote " + rewritten + " class files, kept " + kept + " as they were");
    }

    private static boolean selected(String name, String[] args) {
        for (int i = 2; i < args.length; i++) {
            if (name.startsWith(args[i])) {
                return true;
            }
        }
        return false;
    }

    private static int major(byte[] classFile) {
        return classFile.length < 8 ? Integer.MAX_VALUE : (classFile[6] & 0xff) << 8 | (classFile[7] & 0xff);
    }
}
