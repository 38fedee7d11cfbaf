package dev.billinggateway.provider.monri;

/** A Monri answer below 500, as received: status code and body text. */
record MonriReply(int status, String body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }
}
