package org.plateautrace.web;

/** What the HTTP layer needs to know: its port and the public base URL every Digital Link is built on. */
public record WebConfig(int port, String publicBaseUrl) {
    public WebConfig {
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }
}
