package org.workrelief.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workrelief.support.Refusals.assertRefused;

import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.workrelief.support.IntegrationTest;
import org.workrelief.support.MutableClock;

/** Review photos: JPEG or PNG by content, at most 5 MB each, at most three. */
@IntegrationTest
class ReviewPhotoTests {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F' };
    private static final LocalDate DAY = LocalDate.of(2025, 6, 3);

    @Autowired SupervisedSites sites;
    @Autowired DailyReviewService reviews;
    @Autowired MutableClock clock;

    SupervisedSite s;
    DailyReview review;

    @BeforeEach
    void setUp() {
        clock.set(SupervisedSite.at(DAY, 20, 0, 0));
        s = sites.create(DAY);
        review = reviews.open(s.onDuty(), s.projectId(), DAY);
    }

    @Test
    void jpegAndPngAreKeptWithTheTypeTheirContentShows() {
        ReviewPhoto png = reviews.addPhoto(s.onDuty(), review.id(), "现场.jpg", PNG);
        ReviewPhoto jpeg = reviews.addPhoto(s.onDuty(), review.id(), "slope", JPEG);
        assertThat(png.contentType()).as("named .jpg, but a PNG").isEqualTo("image/png");
        assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
        assertThat(reviews.photo(s.site().admin(), png.id()).content()).isEqualTo(PNG);
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedWhateverItsName() {
        assertRefused(() -> reviews.addPhoto(s.onDuty(), review.id(), "photo.jpg", "GIF89a not really".getBytes()),
                "review.photo.type");
        assertRefused(() -> reviews.addPhoto(s.onDuty(), review.id(), "photo.png", new byte[0]), "review.photo.empty");
        assertThat(reviews.page(s.onDuty(), s.projectId(), DAY).photos()).isEmpty();
    }

    @Test
    void aPhotoOverFiveMegabytesIsRefusedAndOneAtTheLimitIsKept() {
        byte[] atLimit = Arrays.copyOf(JPEG, DailyReviewService.MAX_PHOTO_BYTES);
        byte[] over = Arrays.copyOf(JPEG, DailyReviewService.MAX_PHOTO_BYTES + 1);
        assertRefused(() -> reviews.addPhoto(s.onDuty(), review.id(), "big.jpg", over), "review.photo.tooLarge");
        assertThat(reviews.addPhoto(s.onDuty(), review.id(), "ok.jpg", atLimit).size())
                .isEqualTo(DailyReviewService.MAX_PHOTO_BYTES);
    }

    @Test
    void aReviewKeepsAtMostThreePhotos() {
        for (int i = 0; i < 3; i++) {
            reviews.addPhoto(s.onDuty(), review.id(), "p" + i + ".png", PNG);
        }
        assertRefused(() -> reviews.addPhoto(s.onDuty(), review.id(), "p4.png", PNG), "review.photo.tooMany");
        ReviewPhoto first = reviews.page(s.onDuty(), s.projectId(), DAY).photos().get(0);
        reviews.removePhoto(s.onDuty(), first.id());
        assertThat(reviews.addPhoto(s.onDuty(), review.id(), "p4.png", PNG)).isNotNull();
    }

    @Test
    void onlyTheMemberOnDutyAddsPhotos() {
        assertRefused(() -> reviews.addPhoto(s.offDuty(), review.id(), "p.png", PNG), "review.notOnDuty");
    }
}
