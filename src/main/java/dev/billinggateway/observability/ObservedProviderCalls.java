package dev.billinggateway.observability;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a provider's connector bean: every operation it offers ({@code Uni}-returning methods) gets a span, the
 * call meters and a log line when it fails ({@link ProviderCallInterceptor}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ObservedProviderCalls {
}
