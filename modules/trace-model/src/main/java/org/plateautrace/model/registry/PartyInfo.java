package org.plateautrace.model.registry;

import org.plateautrace.model.Invalid;
import org.plateautrace.model.Text;

/** What a party is: kind, names, credit code (统一社会信用代码), county/township, contact. */
public record PartyInfo(PartyKind kind, String name, String nameEn, CreditCode creditCode,
                        String county, String township, Contact contact) {
    public PartyInfo {
        if (kind == null) {
            throw new Invalid("kind", "is required");
        }
        name = Text.required("name", name, 200);
        nameEn = Text.optional("nameEn", nameEn, 200);
        if (creditCode == null) {
            throw new Invalid("creditCode", "is required");
        }
        county = Text.required("county", county, 100);
        township = Text.optional("township", township, 100);
        contact = contact == null ? Contact.NONE : contact;
    }
}
