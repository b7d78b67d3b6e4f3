// NewsPortal editor area: the article form's edit lock. Loaded with `defer` by the form when the person holds the
// article's lock (#edit-lock names the heartbeat and release addresses). Without this script the lock still works:
// it is taken when the form opens and refreshed by every save, and expires 20 minutes after the last of them.
//
// 1. Heartbeat. Every 30 seconds (and when the tab becomes visible again) the form says the person is still there
//    (POST, the form's antiforgery token). The lock then expires 90 seconds after the beats stop: a closed tab, a
//    lost network. When a colleague took over, the answer says so: the page says it once, in the role="alert"
//    region of #edit-lock (the focus stays where it is), and the beats stop: the next save is kept as a revision.
// 2. Release. Leaving the page other than by submitting one of its forms frees the lock at once (sendBeacon).
(() => {
    'use strict';

    const EVERY_MS = 30 * 1000;

    const lock = document.getElementById('edit-lock');
    const form = document.getElementById('article-form');
    if (!lock || !form) {
        return;
    }

    const alertRegion = document.getElementById('edit-lock-alert');
    const words = (() => {
        const block = document.getElementById('editor-words');
        try {
            return block ? JSON.parse(block.textContent) : {};
        } catch {
            return {};
        }
    })();

    function say(key, ...values) {
        return (words[key] || key).replace(/\{(\d+)\}/g, (_, i) => String(values[Number(i)]));
    }

    function tokenField() {
        const body = new FormData();
        const token = form.querySelector('input[name="__RequestVerificationToken"]');
        body.append('__RequestVerificationToken', token ? token.value : '');
        return body;
    }

    let timer = null;
    let lost = false;
    let leavingBySubmit = false;

    function tell(text) {
        if (!alertRegion) {
            return;
        }
        alertRegion.classList.add('notice', 'notice--kept');
        alertRegion.textContent = text;
    }

    async function beat() {
        if (lost) {
            return;
        }
        try {
            const response = await fetch(lock.dataset.lockHeartbeat, {
                method: 'POST',
                body: tokenField(),
                credentials: 'same-origin',
                headers: { Accept: 'application/json' },
            });
            if (!response.ok) {
                return;
            }
            const answer = await response.json();
            if (answer.held || lost) {
                return;
            }
            lost = true;
            clearInterval(timer);
            tell(answer.takenOverBy
                ? say('LockTakenOver', answer.takenOverBy, answer.atText || '')
                : say('LockHeldBy', answer.heldBy || '', answer.atText || ''));
        } catch {
            // No network: the lock expires if this lasts; the next beat tries again.
        }
    }

    // Submitting a form of the page (a save, a credit button) is not leaving it: the answer shows the form again.
    document.addEventListener('submit', () => { leavingBySubmit = true; }, true);

    window.addEventListener('pagehide', () => {
        if (leavingBySubmit || lost || !navigator.sendBeacon) {
            return;
        }
        navigator.sendBeacon(lock.dataset.lockRelease, tokenField());
    });

    window.addEventListener('pageshow', event => {
        if (event.persisted) {
            leavingBySubmit = false;
            beat();
        }
    });

    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') {
            beat();
        }
    });

    timer = setInterval(beat, EVERY_MS);
    beat();
})();
