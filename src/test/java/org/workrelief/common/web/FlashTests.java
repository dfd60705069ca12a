package org.workrelief.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.workrelief.common.BusinessRuleException;

/** The one way a controller step says success or a refused rule: on the next page's banner, or on the form. */
class FlashTests {

    private final RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();

    private Map<String, Object> flash() {
        return new HashMap<>(redirect.getFlashAttributes());
    }

    @Test
    void aStepThatGoesThroughSaysItsSuccessAndNothingElse() {
        assertThat(Flash.attempt(redirect, "team.created", () -> { })).isTrue();

        assertThat(flash()).containsOnlyKeys("success").containsEntry("success", "team.created");
    }

    @Test
    void aRefusedStepSaysTheRuleWithItsArgumentsAndNoSuccess() {
        assertThat(Flash.attempt(redirect, "team.created", () -> {
            throw new BusinessRuleException("team.dayRate.tooHigh", 300);
        })).isFalse();

        assertThat(flash()).containsOnlyKeys("failure", "failureArgs")
                .containsEntry("failure", "team.dayRate.tooHigh");
        assertThat((Object[]) flash().get("failureArgs")).containsExactly(300);
    }

    @Test
    void aResultIsTheStepsValueOrEmptyWhenRefused() {
        assertThat(Flash.result(redirect, null, () -> 7)).contains(7);
        assertThat(flash()).isEmpty();

        Optional<Integer> refused = Flash.result(redirect, "training.created", () -> {
            throw new BusinessRuleException("training.title.required");
        });

        assertThat(refused).isEmpty();
        assertThat(flash()).containsOnlyKeys("failure", "failureArgs");
    }

    @Test
    void successCarriesItsArguments() {
        Flash.success(redirect, "training.attendees.added", 3);

        assertThat(flash()).containsEntry("success", "training.attendees.added");
        assertThat((Object[]) flash().get("successArgs")).containsExactly(3);
    }

    @Test
    void aFailureThatIsNoRefusedRuleHasNoArguments() {
        Flash.failure(redirect, "audit.integrity.ran.broken");

        assertThat(flash()).containsOnlyKeys("failure").containsEntry("failure", "audit.integrity.ran.broken");
    }

    @Test
    void anIoFailureIsNoRefusedRuleAndGoesOnUp() {
        assertThatThrownBy(() -> Flash.attempt(redirect, "review.photo.added", () -> {
            throw new IOException("upload cut off");
        })).isInstanceOf(IOException.class);
        assertThat(flash()).isEmpty();
    }

    @Test
    void aRefusalOnAFormIsBoundAboveTheFields() {
        BindingResult binding = new BeanPropertyBindingResult(new Object(), "form");

        assertThat(FormErrors.attempt(binding, () -> {
            throw new BusinessRuleException("town.code.taken", "TS");
        })).isFalse();
        assertThat(FormErrors.result(binding, () -> "saved")).contains("saved");

        assertThat(binding.getGlobalErrors()).singleElement().satisfies(error -> {
            assertThat(error.getCode()).isEqualTo("town.code.taken");
            assertThat(error.getArguments()).containsExactly("TS");
        });
    }

    @Test
    void aRefusalOnAPageWithoutAFormIsItsRefusal() {
        ExtendedModelMap page = new ExtendedModelMap();

        assertThat(FormErrors.attempt(page, () -> {
            throw new BusinessRuleException("worker.pin.wrong", 2);
        })).isFalse();

        assertThat(page).containsEntry("refusal", "worker.pin.wrong");
        assertThat((Object[]) page.get("refusalArgs")).containsExactly(2);
        assertThat(FormErrors.attempt(new ExtendedModelMap(), () -> { })).isTrue();
    }
}
