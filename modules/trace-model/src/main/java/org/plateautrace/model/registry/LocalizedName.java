package org.plateautrace.model.registry;

import org.plateautrace.model.Text;

/** A name in Chinese and English, Tibetan where known. */
public record LocalizedName(String zh, String en, String bo) {
    public LocalizedName {
        zh = Text.required("name.zh", zh, 200);
        en = Text.required("name.en", en, 200);
        bo = Text.optional("name.bo", bo, 200);
    }
}
