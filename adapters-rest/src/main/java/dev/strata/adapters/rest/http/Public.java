package dev.strata.adapters.rest.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint anyone may call without credentials. Credentials that are sent anyway are
 * still checked: good ones give the caller their privileges, bad ones make the caller anonymous.
 * With {@code readsCredentials = true} the endpoint reads the header itself (login), so the
 * filter leaves it alone and the caller starts anonymous.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Public {

    boolean readsCredentials() default false;
}
