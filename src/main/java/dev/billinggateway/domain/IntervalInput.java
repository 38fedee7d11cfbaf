package dev.billinggateway.domain;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("IntervalInput")
public class IntervalInput {
    @NonNull
    public IntervalUnit unit;
    public int count;

    public IntervalInput() {
    }

    public IntervalInput(IntervalUnit unit, int count) {
        this.unit = unit;
        this.count = count;
    }
}
