// NewsPortal editor area: nothing an editor types is lost when the session ends, the tab closes or the
// browser crashes. Loaded with `defer` by the editor layout only; the reader site runs no script.
//
// 1. Local drafts. The article form (#article-form, data-draft-key) is copied to localStorage while the
//    editor types (debounced). When the form opens again and a kept copy differs from what the server shows,
//    a region offers "Restore my unsaved text from <time>" and "Discard it". The page after a successful save
//    names the copy that save made obsolete (data-draft-saved) and it is deleted; a failed save, a conflict or
//    an ended session deletes nothing. Signing out deletes every copy (shared newsroom computers).
// 2. Session. <body data-session-now/-expires/-limit/-extend> say when the session ends. Five minutes before,
//    an alert dialog offers "Stay signed in" (POST /editor/session/extend with the page's antiforgery token);
//    typing extends quietly at most every five minutes. The 12-hour limit cannot be extended, and the
//    warning says so. When the session has ended the page says so and keeps the local copy.
(() => {
    'use strict';

    const PREFIX = 'newsportal-draft:';
    const SESSION_KEY = 'newsportal-session';
    const SAVE_DELAY_MS = 600;
    const WARN_BEFORE_MS = 5 * 60 * 1000;
    const QUIET_EXTEND_EVERY_MS = 5 * 60 * 1000;
    const TICK_MS = 10 * 1000;

    const storage = (() => {
        try {
            const probe = PREFIX + 'probe';
            window.localStorage.setItem(probe, '1');
            window.localStorage.removeItem(probe);
            return window.localStorage;
        } catch {
            return null;
        }
    })();

    const main = document.getElementById('main-content');
    let signingOut = false;

    // The page's words, in the person's interface language: a JSON block the layout renders from the resources.
    const words = (() => {
        const block = document.getElementById('editor-words');
        try {
            return block ? JSON.parse(block.textContent) : {};
        } catch {
            return {};
        }
    })();

    /** The text of <key> with {0}, {1}… filled in. */
    function say(key, ...values) {
        return (words[key] || key).replace(/\{(\d+)\}/g, (_, i) => String(values[Number(i)]));
    }

    const pad = n => String(n).padStart(2, '0');

    /** "14:05 UTC" today, "2026-11-27 14:05 UTC" on another day: the editor area shows times in UTC. */
    function utcTime(ms) {
        const d = new Date(ms);
        const today = new Date();
        const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} ${say('Utc')}`;
        return d.toISOString().slice(0, 10) === today.toISOString().slice(0, 10) ? time : `${d.toISOString().slice(0, 10)} ${time}`;
    }

    function element(tag, attributes, text) {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes || {})) {
            node.setAttribute(name, value);
        }
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    function button(text, onClick, className) {
        const node = element('button', { type: 'button', class: className || 'button' }, text);
        node.addEventListener('click', onClick);
        return node;
    }

    /**
     * A notice at the top of the main content, read out by screen readers (role="status"). It is added the
     * first time there is something to say, empty, and filled a moment later, so that it is announced.
     */
    const status = (() => {
        let node = null;
        return {
            say(text) {
                if (!main) {
                    return;
                }
                if (!node) {
                    node = element('p', { role: 'status', class: 'live-status notice' });
                    main.prepend(node);
                }
                setTimeout(() => { node.textContent = text; }, 50);
            },
        };
    })();

    function read(key) {
        try {
            const value = storage && storage.getItem(key);
            return value ? JSON.parse(value) : null;
        } catch {
            return null;
        }
    }

    function draftKeys() {
        const keys = [];
        for (let i = 0; storage && i < storage.length; i++) {
            const key = storage.key(i);
            if (key && key.startsWith(PREFIX)) {
                keys.push(key);
            }
        }
        return keys;
    }

    function clearAllDrafts() {
        signingOut = true;
        for (const key of draftKeys()) {
            storage.removeItem(key);
        }
        if (storage) {
            storage.removeItem(SESSION_KEY);
        }
    }

    for (const form of document.querySelectorAll('form[data-clears-drafts]')) {
        form.addEventListener('submit', clearAllDrafts);
    }

    // ---------------------------------------------------------------- local drafts

    /** Every named text field, select and checkbox of the form, in order; never a file or the antiforgery token. */
    function fieldsOf(form) {
        const fields = [];
        for (const el of form.elements) {
            if (!el.name || el.disabled || el.name === '__RequestVerificationToken') {
                continue;
            }
            const type = (el.type || '').toLowerCase();
            if (['file', 'submit', 'button', 'reset', 'image'].includes(type)) {
                continue;
            }
            if (type === 'checkbox' || type === 'radio') {
                fields.push([el.name, el.checked]);
            } else if (type === 'select-multiple') {
                fields.push([el.name, Array.from(el.selectedOptions, o => o.value)]);
            } else {
                fields.push([el.name, el.value]);
            }
        }
        return fields;
    }

    function applyFields(form, fields) {
        const seen = new Map();
        const byName = new Map();
        for (const [name, value] of fields) {
            if (!byName.has(name)) {
                byName.set(name, []);
            }
            byName.get(name).push(value);
        }
        for (const el of form.elements) {
            if (!el.name || !byName.has(el.name)) {
                continue;
            }
            const type = (el.type || '').toLowerCase();
            if (['file', 'submit', 'button', 'reset', 'image'].includes(type) || el.name === '__RequestVerificationToken') {
                continue;
            }
            const index = seen.get(el.name) || 0;
            seen.set(el.name, index + 1);
            const value = byName.get(el.name)[index];
            if (value === undefined) {
                continue;
            }
            if (type === 'checkbox' || type === 'radio') {
                el.checked = value === true;
            } else if (type === 'select-multiple') {
                for (const option of el.options) {
                    option.selected = Array.isArray(value) && value.includes(option.value);
                }
            } else {
                el.value = value;
            }
        }
    }

    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

    /** The kept copies that belong to this form: its own key and, for an article, copies made at its other versions. */
    function candidatesFor(key) {
        const article = /^(newsportal-draft:article:\d+:)v\d+$/.exec(key);
        return draftKeys()
            .filter(k => k === key || (article && k.startsWith(article[1])))
            .map(k => ({ key: k, draft: read(k) }))
            .filter(c => c.draft && Array.isArray(c.draft.fields))
            .sort((a, b) => b.draft.savedAt - a.draft.savedAt);
    }

    function versionOf(fields) {
        const version = fields.find(([name]) => name === 'Version');
        return version ? version[1] : null;
    }

    function setUpDrafts(form) {
        const key = PREFIX + form.dataset.draftKey;
        if (form.dataset.draftSaved && storage) {
            storage.removeItem(PREFIX + form.dataset.draftSaved);
        }

        const shown = fieldsOf(form);
        let timer = null;
        let warnedStorage = false;

        function store() {
            timer = null;
            if (!storage || signingOut) {
                return;
            }
            const fields = fieldsOf(form);
            try {
                storage.setItem(key, JSON.stringify({ savedAt: Date.now(), page: location.pathname + location.search, fields }));
            } catch {
                if (!warnedStorage) {
                    warnedStorage = true;
                    status.say(say('StorageFull'));
                }
            }
        }

        function storeSoon() {
            if (timer !== null) {
                clearTimeout(timer);
            }
            timer = setTimeout(store, SAVE_DELAY_MS);
        }

        function storeNow() {
            if (timer !== null) {
                clearTimeout(timer);
                store();
            }
        }

        form.addEventListener('input', storeSoon);
        form.addEventListener('change', storeSoon);
        // Leaving the page (save, link, closed tab) keeps what was typed in the last fraction of a second.
        form.addEventListener('submit', storeNow);
        window.addEventListener('pagehide', storeNow);
        document.addEventListener('visibilitychange', () => {
            if (document.visibilityState === 'hidden') {
                storeNow();
            }
        });

        // A form shown again in answer to its own post (a credit button, a refused save, a conflict, signing in
        // again) holds exactly what was just typed, rearranged by the server: it becomes the kept copy.
        if (form.dataset.draftPosted === 'true') {
            store();
            return;
        }

        // A copy that matches what the page shows holds nothing to restore, but it stays: the page may show
        // text that is not saved yet (after a failed save, or signing in again), and only a save makes it safe.
        const offered = candidatesFor(key).find(c => !same(c.draft.fields, shown));
        if (offered) {
            offer(form, key, offered);
        }
    }

    function offer(form, key, candidate) {
        const when = utcTime(candidate.draft.savedAt);
        const region = element('section', { class: 'draft-offer', role: 'region', 'aria-labelledby': 'draft-offer-title', tabindex: '-1' });
        region.append(element('h2', { id: 'draft-offer-title' }, say('DraftTitle')));
        region.append(element('p', {}, say('DraftKept', when)));
        const keptVersion = versionOf(candidate.draft.fields);
        const pageVersion = versionOf(fieldsOf(form));
        if (keptVersion !== null && pageVersion !== null && String(keptVersion) !== String(pageVersion)) {
            region.append(element('p', {}, say('DraftOlder')));
        }

        const finish = text => {
            region.replaceChildren(element('h2', { id: 'draft-offer-title' }, say('DraftTitle')), element('p', { role: 'status' }, text));
            region.focus();
        };

        const actions = element('p', { class: 'actions' });
        actions.append(
            button(say('DraftRestore', when), () => {
                applyFields(form, candidate.draft.fields);
                if (storage) {
                    storage.removeItem(candidate.key);
                    try {
                        storage.setItem(key, JSON.stringify({ savedAt: Date.now(), page: location.pathname + location.search, fields: fieldsOf(form) }));
                    } catch {
                        // Nothing to add: the text is in the form now.
                    }
                }
                finish(say('DraftRestored'));
            }),
            button(say('DraftDiscard'), () => {
                if (storage) {
                    storage.removeItem(candidate.key);
                }
                finish(say('DraftDiscarded'));
            }, 'button button--secondary'));
        region.append(actions);

        const title = main && main.querySelector('h1');
        if (title) {
            title.after(region);
        } else {
            form.before(region);
        }
        region.focus();
    }

    const articleForm = document.getElementById('article-form');
    if (articleForm && articleForm.dataset.draftKey) {
        setUpDrafts(articleForm);
    }

    // ---------------------------------------------------------------- session

    const body = document.body;
    if (!body.dataset.sessionExpires || !main) {
        return;
    }

    let deadline = 0;
    let limit = 'idle';
    let seen = '';
    let lastRenewal = Date.now();
    let ended = false;
    let extending = false;
    let warning = null;
    let returnFocus = null;

    /** The data attributes are the state: the server writes them, an extension rewrites them (and a test may). */
    function readAttributes() {
        limit = body.dataset.sessionLimit === 'absolute' ? 'absolute' : 'idle';
        const current = `${body.dataset.sessionNow}|${body.dataset.sessionExpires}`;
        if (current === seen) {
            return;
        }
        seen = current;
        // Measured against the server's own clock, so a wrong clock on this computer does not matter.
        deadline = Date.now() + (Date.parse(body.dataset.sessionExpires) - Date.parse(body.dataset.sessionNow));
        if (warning && deadline - Date.now() > WARN_BEFORE_MS) {
            closeWarning();
        }
    }

    function publish(answer) {
        body.dataset.sessionNow = answer.now;
        body.dataset.sessionExpires = answer.expiresAt;
        body.dataset.sessionLimit = answer.limit;
        readAttributes();
    }

    async function extend(quiet) {
        if (extending || ended) {
            return;
        }
        extending = true;
        const token = document.querySelector('input[name="__RequestVerificationToken"]');
        try {
            const response = await fetch(body.dataset.sessionExtend, {
                method: 'POST',
                credentials: 'same-origin',
                headers: { RequestVerificationToken: token ? token.value : '', Accept: 'application/json' },
            });
            if (response.status === 401) {
                showEnded();
                return;
            }
            if (!response.ok) {
                if (!quiet) {
                    status.say(say('ExtendFailed'));
                }
                return;
            }
            const answer = await response.json();
            lastRenewal = Date.now();
            publish(answer);
            if (storage) {
                try {
                    storage.setItem(SESSION_KEY, JSON.stringify(answer));
                } catch {
                    // Other tabs simply find out on their own.
                }
            }
            if (!quiet) {
                closeWarning();
                status.say(answer.limit === 'absolute'
                    ? say('ExtendedToLimit', utcTime(deadline))
                    : say('Extended', utcTime(deadline)));
            }
        } catch {
            if (!quiet) {
                status.say(say('Offline'));
            }
        } finally {
            extending = false;
        }
    }

    function closeWarning() {
        if (!warning) {
            return;
        }
        const hadFocus = warning.contains(document.activeElement);
        warning.remove();
        warning = null;
        if (hadFocus && returnFocus && document.contains(returnFocus)) {
            returnFocus.focus();
        }
    }

    function showWarning() {
        if (warning || ended) {
            return;
        }
        returnFocus = document.activeElement;
        const absolute = limit === 'absolute';
        warning = element('div', { class: 'session-warning', role: 'alertdialog', 'aria-labelledby': 'session-warning-title', 'aria-describedby': 'session-warning-text' });
        warning.append(element('h2', { id: 'session-warning-title' }, say('WarningTitle')));
        warning.append(element('p', { id: 'session-warning-text' }, absolute
            ? say('WarningAbsolute', utcTime(deadline))
            : say('WarningIdle', utcTime(deadline))));
        const actions = element('p', { class: 'actions' });
        let first;
        if (!absolute) {
            first = button(say('StaySignedIn'), () => extend(false));
            actions.append(first);
        }
        const close = button(say('CloseMessage'), closeWarning, absolute ? 'button' : 'button button--secondary');
        actions.append(close);
        warning.append(actions);
        warning.addEventListener('keydown', event => {
            if (event.key === 'Escape') {
                closeWarning();
            }
        });
        main.prepend(warning);
        (first || close).focus();
    }

    function showEnded() {
        if (ended) {
            return;
        }
        ended = true;
        closeWarning();
        const notice = element('div', { class: 'session-ended', role: 'alert', tabindex: '-1', 'aria-labelledby': 'session-ended-title' });
        notice.append(element('h2', { id: 'session-ended-title' }, say('EndedTitle')));
        notice.append(element('p', {}, articleForm
            ? say('EndedWithForm')
            : say('EndedWithoutForm')));
        const link = element('a', { href: document.body.dataset.signIn || '/editor/login', target: '_blank', rel: 'noopener' }, say('SignInNewTab'));
        const paragraph = element('p');
        paragraph.append(link);
        notice.append(paragraph);
        main.prepend(notice);
        notice.focus();
    }

    function tick() {
        readAttributes();
        if (ended) {
            return;
        }
        const remaining = deadline - Date.now();
        if (remaining <= 0) {
            showEnded();
        } else if (remaining <= WARN_BEFORE_MS) {
            showWarning();
        }
    }

    // Someone at work: keep the session going without a word, at most every few minutes, while it can be extended.
    function activity(event) {
        if (warning && warning.contains(event.target)) {
            return;
        }
        if (!ended && limit === 'idle' && Date.now() - lastRenewal > QUIET_EXTEND_EVERY_MS && deadline - Date.now() > 0) {
            extend(true);
        }
    }

    document.addEventListener('input', activity);
    document.addEventListener('keydown', activity);
    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') {
            tick();
        }
    });
    window.addEventListener('storage', event => {
        if (event.key === SESSION_KEY && event.newValue) {
            try {
                const answer = JSON.parse(event.newValue);
                if (Date.parse(answer.expiresAt) > Date.parse(body.dataset.sessionExpires)) {
                    lastRenewal = Date.now();
                    publish(answer);
                }
            } catch {
                // Ignore a value this script did not write.
            }
        }
    });

    readAttributes();
    setInterval(tick, TICK_MS);
    tick();
})();
