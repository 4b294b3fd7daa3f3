package io.jenkins.plugins.devsecops.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What crosses the remoting channel holds no class of the engine (Jenkins' class filter rejects classes of libraries
 * bundled in a plugin, see docs/architecture.md "What crosses the channel"): the callable sent to the agent and the
 * result it returns carry only JDK values, plugin classes of this package and the build's {@link TaskListener}.
 */
class RemotingPayloadRulesTest {

    private static final String ENGINE = "io.jenkins.plugins.devsecops.";
    private static final String PLUGIN = "io.jenkins.plugins.devsecops.jenkins.";

    private static void collect(Type type, String path, List<String> violations, List<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), path, violations, seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, path + "<>", violations, seen);
            }
            return;
        }
        if (!(type instanceof Class<?> candidate) || candidate.isPrimitive() || seen.contains(candidate)) {
            return;
        }
        seen.add(candidate);
        String name = candidate.getName();
        if (name.startsWith(PLUGIN)) {
            fields(candidate, violations, seen);
        } else if (name.startsWith(ENGINE)) {
            violations.add(path + ": " + name);
        } else if (!name.startsWith("java.") && !TaskListener.class.equals(candidate)) {
            violations.add(path + ": " + name + " (neither JDK nor plugin)");
        }
    }

    private static void fields(Class<?> type, List<String> violations, List<Class<?>> seen) {
        for (Class<?> c = type; c != null && c.getName().startsWith(PLUGIN); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                    collect(field.getGenericType(), c.getSimpleName() + "." + field.getName(), violations, seen);
                }
            }
        }
    }

    /** A class of this package, by name (the classes are package-private). */
    private static Class<?> step(String simpleName) throws ClassNotFoundException {
        return Class.forName(PLUGIN + "steps." + simpleName, false, RemotingPayloadRulesTest.class.getClassLoader());
    }

    @Test
    void shouldSendNoEngineClassToTheAgentAndNoneBack() throws Exception {
        // Given the callable the controller sends and the result the agent returns
        List<String> violations = new ArrayList<>();
        List<Class<?>> seen = new ArrayList<>();

        // When their serialised fields are followed through plugin classes
        fields(step("AgentScanCallable"), violations, seen);
        fields(step("AgentScanResult"), violations, seen);

        // Then every value is of the JDK, of the plugin or the build's listener, and both sides are serialisable
        assertThat(violations).isEmpty();
        assertThat(seen).contains(step("ScanSettings"), String.class, TaskListener.class);
        assertThat(Serializable.class.isAssignableFrom(step("AgentScanResult"))).isTrue();
        assertThat(Serializable.class.isAssignableFrom(step("ScanSettings"))).isTrue();
    }
}
