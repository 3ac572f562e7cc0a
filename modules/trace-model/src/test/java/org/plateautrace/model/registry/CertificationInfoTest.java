package org.plateautrace.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.plateautrace.model.registry.CertificationInfo.Subject;
import org.plateautrace.model.registry.CertificationInfo.SubjectKind;

class CertificationInfoTest {
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2027, 12, 31);
    private static final Subject PRODUCT = new Subject(SubjectKind.PRODUCT, 7);

    private static CertificationInfo cert(LocalDate from, LocalDate to) {
        return new CertificationInfo(CertificationType.ORGANIC, "OFDC-2025-0001", "南京国环有机产品认证中心", from, to, PRODUCT);
    }

    @Test
    void acceptsCertificate() {
        CertificationInfo info = cert(FROM, TO);
        assertEquals(PRODUCT, info.subject());
        assertEquals("OFDC-2025-0001", info.number());
    }

    @Test
    void acceptsOneDayCertificate() {
        cert(FROM, FROM);
    }

    @Test
    void refusesValidToBeforeValidFrom() {
        assertInvalid("validTo", "before validFrom", () -> cert(TO, FROM));
        assertInvalid("validTo", "before validFrom", () -> cert(FROM, FROM.minusDays(1)));
    }

    @Test
    void notExpiredOnValidTo() {
        assertFalse(cert(FROM, TO).expiredOn(TO));
    }

    @Test
    void expiredTheDayAfterValidTo() {
        assertTrue(cert(FROM, TO).expiredOn(TO.plusDays(1)));
    }

    @Test
    void notExpiredBeforeValidTo() {
        assertFalse(cert(FROM, TO).expiredOn(FROM));
    }

    @Test
    void refusesMissingDates() {
        assertInvalid("validFrom", "is required", () -> cert(null, TO));
        assertInvalid("validTo", "is required", () -> cert(FROM, null));
    }

    @Test
    void refusesMissingNumberAndIssuer() {
        assertInvalid("number", "is required",
                () -> new CertificationInfo(CertificationType.GMP, " ", "issuer", FROM, TO, PRODUCT));
        assertInvalid("issuer", "is required",
                () -> new CertificationInfo(CertificationType.GMP, "N1", null, FROM, TO, PRODUCT));
    }

    @Test
    void refusesMissingType() {
        assertInvalid("type", "is required", () -> new CertificationInfo(null, "N1", "issuer", FROM, TO, PRODUCT));
    }

    @Test
    void refusesMissingSubject() {
        assertInvalid("productId", "one of partyId, siteId or productId",
                () -> new CertificationInfo(CertificationType.HACCP, "N1", "issuer", FROM, TO, null));
    }
}
