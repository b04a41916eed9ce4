package dev.berth.image;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pull or push scenario run once against each real peer registry of
 * {@link AbstractImageServiceIT#peers()}; the method takes the {@link dev.berth.testsupport.RegistryPeer}
 * as its first parameter. The peers are shared by the whole test JVM, so no invocation closes them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "against {0}", autoCloseArguments = false)
@MethodSource("dev.berth.image.AbstractImageServiceIT#peers")
public @interface PeerTest {
}
