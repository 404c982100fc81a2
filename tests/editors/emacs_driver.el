;;; emacs_driver.el --- headless Emacs + eglot driver for tests/editors/test_emacs.py  -*- lexical-binding: t -*-
;; Loads editors/emacs/agentls.el as a user's init does, opens FILE (the mode hook starts eglot
;; through `agentls-setup'), acts like a user and writes what it saw as JSON to OUT.
;; Env: AGENTLS_EL_DIR, TASK (fix | hover), FILE, OUT, ACTION (title substring),
;;      LINE (1-based), COL (0-based).
(require 'json)
(require 'cl-lib)
(defvar drv-result nil)
(defun drv-put (key value) (setq drv-result (cons (cons key value) (assq-delete-all key drv-result))))
(defun drv-write ()
  (let ((text (condition-case e (json-encode drv-result)
                (error (json-encode `((ok . :json-false) (message . ,(format "cannot encode %S: %S" drv-result e))))))))
    (with-temp-file (getenv "OUT") (insert text))))
(defun drv-finish (ok &optional msg)
  (drv-put 'ok (if ok t :json-false))
  (when (and msg (not ok)) (drv-put 'message msg))
  (drv-write)
  ;; The server may still be talking (workspace indexing sends progress requests): answers to it
  ;; written while kill-emacs closes the pipe would fail, so stop listening first.
  (dolist (proc (process-list))
    (set-process-filter proc #'ignore)
    (set-process-sentinel proc #'ignore))
  (kill-emacs (if ok 0 1)))
(defun drv-wait (pred secs)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))
(defun drv-text () (buffer-substring-no-properties (point-min) (point-max)))
(defun drv-diags ()
  (vconcat (mapcar (lambda (d)
                     (list (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                           (cons 'type (symbol-name (flymake-diagnostic-type d)))
                           (cons 'text (flymake-diagnostic-text d))))
                   (flymake-diagnostics))))

(condition-case err
    (progn
      ;; What interactive start-up does and --batch skips: activate installed packages
      ;; (Debian's elpa-eglot, elpa-markdown-mode).
      (package-activate-all)
      (add-to-list 'load-path (getenv "AGENTLS_EL_DIR"))
      (require 'agentls)
      (setq agentls-python t)
      (agentls-setup)
      (drv-put 'emacs emacs-version)
      (drv-put 'eglot (if (boundp 'eglot--version) eglot--version
                        (let ((lib (locate-library "eglot"))) lib)))
      (find-file (getenv "FILE"))
      (drv-put 'mode (symbol-name major-mode))
      ;; eglot-ensure connects after the next command: end one, as the command loop would.
      (run-hooks 'post-command-hook)
      (unless (drv-wait (lambda () (eglot-current-server)) 15) (drv-finish nil "eglot did not connect"))
      (let ((server (eglot-current-server)))
        (drv-put 'server (plist-get (eglot--server-info server) :name))
        (pcase (getenv "TASK")
          ("fix"
           (flymake-start)
           (unless (drv-wait (lambda () (flymake-diagnostics)) 15) (drv-finish nil "no diagnostics"))
           (drv-put 'diagnostics (drv-diags))
           (drv-put 'before (drv-text))
           (goto-char (flymake-diagnostic-beg (car (flymake-diagnostics))))
           ;; M-x eglot-code-actions at the diagnostic; the menu is answered with ACTION
           (cl-letf (((symbol-function 'completing-read)
                      (lambda (_prompt items &rest _)
                        (drv-put 'menu (vconcat (mapcar #'car items)))
                        (car (cl-find-if (lambda (i) (string-match-p (regexp-quote (getenv "ACTION")) (car i)))
                                         items))))
                     (last-nonmenu-event ?x))
             (call-interactively #'eglot-code-actions))
           (drv-put 'after (drv-text))
           ;; C-x C-s: eglot sends the pending didChange (its idle timer never fires in batch)
           (save-buffer)
           (drv-wait (lambda () (not (cl-some (lambda (d) (string-match-p "AG005" (flymake-diagnostic-text d)))
                                              (flymake-diagnostics))))
                     10)
           (drv-put 'diagnostics_after (drv-diags))
           (drv-finish (not (equal (alist-get 'before drv-result) (alist-get 'after drv-result)))
                       "the quick fix did not change the buffer"))
          ("hover"
           (goto-char (point-min))
           (forward-line (1- (string-to-number (getenv "LINE"))))
           (forward-char (string-to-number (getenv "COL")))
           ;; eglot's own eldoc hover function: the request and the rendering a user sees
           (let (hover)
             (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info ""))))
             (drv-wait (lambda () hover) 15)
             (drv-put 'hover hover)
             (drv-finish (and hover (not (string-empty-p hover))) "no hover")))
          (_ (drv-finish nil "unknown TASK")))))
  (error (drv-finish nil (format "error: %S" err))))
