package org.plateautrace.model.registry;

import java.time.LocalDate;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.Text;

/**
 * A certificate (三品一标, licence...) attached to exactly one subject: a party, a site or a product.
 */
public record CertificationInfo(CertificationType type, String number, String issuer, LocalDate validFrom,
                                LocalDate validTo, Subject subject) {

    public enum SubjectKind { PARTY, SITE, PRODUCT }

    public record Subject(SubjectKind kind, long id) {
    }

    public CertificationInfo {
        if (type == null) {
            throw new Invalid("type", "is required");
        }
        number = Text.required("number", number, 100);
        issuer = Text.required("issuer", issuer, 200);
        if (validFrom == null) {
            throw new Invalid("validFrom", "is required");
        }
        if (validTo == null) {
            throw new Invalid("validTo", "is required");
        }
        if (validTo.isBefore(validFrom)) {
            throw new Invalid("validTo", "is before validFrom");
        }
        if (subject == null) {
            throw new Invalid("productId", "a certificate is attached to one of partyId, siteId or productId");
        }
    }

    public boolean expiredOn(LocalDate day) {
        return validTo.isBefore(day);
    }
}
