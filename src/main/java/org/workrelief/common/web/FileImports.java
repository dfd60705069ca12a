package org.workrelief.common.web;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.workrelief.common.BusinessRuleException;

/**
 * The part every import page shares: an empty upload is refused, the import's result goes to the
 * page as {@code result}, a refused file as {@code failureKey} (and {@code failureArgs}).
 */
public final class FileImports {

    /** An import of one uploaded file, given its name (for the type) and content. */
    @FunctionalInterface
    public interface Import {
        Object run(String filename, InputStream content) throws IOException;
    }

    private FileImports() {
    }

    public static void run(MultipartFile file, Model model, Import action) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("failureKey", "import.file.empty");
            return;
        }
        try {
            model.addAttribute("result", action.run(file.getOriginalFilename(), file.getInputStream()));
        }
        catch (BusinessRuleException refused) {
            model.addAttribute("failureKey", refused.getMessageKey());
            model.addAttribute("failureArgs", refused.getArgs());
        }
    }
}
