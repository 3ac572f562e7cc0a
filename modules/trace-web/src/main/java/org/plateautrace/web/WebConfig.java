package org.plateautrace.web;

import java.nio.file.Path;

/**
 * What the HTTP layer needs to know: its port, the public base URL every Digital Link is built on, and the
 * directory request bodies too large for memory are written to as they arrive (EPCIS capture documents).
 */
public record WebConfig(int port, String publicBaseUrl, Path spoolDir) {
    public WebConfig {
        publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }
}
