package org.plateautrace.qr;

import java.util.Objects;

/**
 * One printed label: the GS1 Digital Link its QR code carries and the text beside the code.
 * {@code serial} is null on a lot-level label; {@code brand} may be null.
 */
public record Label(String digitalLink, String nameZh, String nameEn, String brand, String lotCode, String serial) {

    public Label {
        Objects.requireNonNull(digitalLink, "digitalLink");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(lotCode, "lotCode");
    }
}
