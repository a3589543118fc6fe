package org.paddock.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.paddock.platform.InvalidInputException;
import org.paddock.platform.Times;

import java.time.Instant;
import java.util.Locale;

/**
 * Everything only tests may do, behind one switch that production never turns on ({@code paddock.test-seam},
 * false unless set; {@code LauncherIT} checks a launcher started as README's command 1 refuses it): ask for a push or
 * an eligibility answer as of another instant ({@code ?at=}), and make pushes fail part-way on purpose — to
 * show a failed push leaves nothing half-done ({@code ?failAfter=}), or that a process killed in the middle of one
 * loses nothing ({@code paddock.test-seam.push-fault}, e.g. {@code halt@2}, {@code pause@2}).
 */
@ApplicationScoped
public class TestSeam {

    @Inject
    @ConfigProperty(name = "paddock.test-seam", defaultValue = "false")
    boolean on;

    /** {@code how@after}: after {@code after} moves of every push, {@code throw}, {@code halt} or {@code pause}. */
    @Inject
    @ConfigProperty(name = "paddock.test-seam.push-fault", defaultValue = "none")
    String pushFault;

    /** What a push does on purpose after {@code after} moves (0: never). */
    public record Fault(int after, How how) {
        public static final Fault NONE = new Fault(0, How.THROW);

        /** Called after each move; does nothing unless this is the move to fail after. */
        void after(int moved) {
            if (after <= 0 || moved < after) {
                return;
            }
            switch (how) {
                case HALT -> Runtime.getRuntime().halt(137); // as kill -9 would: nothing after this runs
                case PAUSE -> pause(); // a test kills the process from outside while the moves are uncommitted
                case THROW -> throw new IllegalStateException("simulated crash after " + moved + " move(s)");
            }
        }

        private static void pause() {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public enum How { THROW, HALT, PAUSE }

    public boolean isOn() {
        return on;
    }

    /** The instant a request asks about: {@code value} when given and the seam is on, else now; 422 when off. */
    public Instant at(String field, String value, Instant now) {
        if (value == null || value.isBlank()) {
            return now;
        }
        if (!on) {
            throw new InvalidInputException(field, "asking as of another time is for tests only (paddock.test-seam)");
        }
        return Times.parse(field, value);
    }

    /** The fault a push asked for by {@code ?failAfter=} (0: the configured one); 422 when the seam is off. */
    public Fault fault(String field, int failAfter) {
        if (failAfter != 0 && !on) {
            throw new InvalidInputException(field, "simulated crashes are for tests only (paddock.test-seam)");
        }
        return failAfter != 0 ? new Fault(failAfter, How.THROW) : configuredFault();
    }

    /** The fault every push of this instance makes: none unless the seam is on and one is configured. */
    public Fault configuredFault() {
        if (!on || pushFault == null || pushFault.isBlank() || pushFault.equals("none")) {
            return Fault.NONE;
        }
        String[] p = pushFault.strip().split("@");
        if (p.length != 2) {
            throw new IllegalStateException("paddock.test-seam.push-fault: expected how@after (e.g. halt@2), not " + pushFault);
        }
        return new Fault(Integer.parseInt(p[1]), How.valueOf(p[0].toUpperCase(Locale.ROOT)));
    }
}
