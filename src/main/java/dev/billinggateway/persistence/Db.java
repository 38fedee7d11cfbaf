package dev.billinggateway.persistence;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Hibernate Reactive sessions for the gateway. Every call opens a session of its own: graphql-java
 * resolves sibling and nested fields concurrently, and a session shared between them (Panache's
 * per-request session) fails (quarkusio/quarkus#32870).
 */
@ApplicationScoped
public class Db {

    @Inject
    Mutiny.SessionFactory sessionFactory;

    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return sessionFactory.openSession().chain(session -> work.apply(session).eventually(session::close));
    }

    public <T> Uni<T> write(Function<Mutiny.Session, Uni<T>> work) {
        return sessionFactory.openSession()
                .chain(session -> session.withTransaction(tx -> work.apply(session)).eventually(session::close));
    }
}
