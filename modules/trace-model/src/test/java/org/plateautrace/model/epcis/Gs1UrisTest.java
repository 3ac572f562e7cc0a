package org.plateautrace.model.epcis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Gs1UrisTest {
    @Test
    void turnsEpcUrnsIntoCanonicalDigitalLinks() {
        assertEquals("https://id.gs1.org/01/10614141073464/21/2017", Gs1Uris.canonical("urn:epc:id:sgtin:0614141.107346.2017"));
        assertEquals("https://id.gs1.org/00/106141412345678908", Gs1Uris.canonical("urn:epc:id:sscc:0614141.1234567890"));
        assertEquals("https://id.gs1.org/414/0614141073467/254/1234", Gs1Uris.canonical("urn:epc:id:sgln:0614141.07346.1234"));
        assertEquals("https://id.gs1.org/414/0012345111112", Gs1Uris.canonical("urn:epc:id:sgln:0012345.11111.0"));
        assertEquals("https://id.gs1.org/01/04012345123456/10/998877", Gs1Uris.canonical("urn:epc:class:lgtin:4012345.012345.998877"));
    }

    @Test
    void movesDigitalLinksToTheCanonicalHostAndLeavesOtherUrisAlone() {
        assertEquals("https://id.gs1.org/01/09520123456788/10/ABC", Gs1Uris.canonical("https://example.com/shop/01/09520123456788/10/ABC?x=1"));
        assertEquals("urn:plateautrace:site:3", Gs1Uris.canonical("urn:plateautrace:site:3"));
        assertEquals("urn:epc:id:giai:4000001.111", Gs1Uris.canonical("urn:epc:id:giai:4000001.111"));
        assertEquals("http://transaction.acme.com/po/12345678", Gs1Uris.canonical("http://transaction.acme.com/po/12345678"));
    }
}
