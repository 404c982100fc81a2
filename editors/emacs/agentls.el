;;; agentls.el --- agentls language server through eglot  -*- lexical-binding: t -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, tools
;; URL: https://github.com/agentls/agentls

;;; Commentary:

;; Registers agentls with eglot for agent definition files (Markdown: .claude/agents/*.md,
;; .github/agents/*.md, *.prompt.md, .cursor/rules/*.mdc, ...) and, optionally, Python.
;;
;;   (add-to-list 'load-path "/path/to/agentls/editors/emacs")
;;   (require 'agentls)
;;   (agentls-setup)        ; then M-x eglot in an agent file, or let the hook below start it
;;
;; eglot runs one server per buffer: if you already use a Python server with eglot (pylsp,
;; pyright), set `agentls-python' to nil (the default) so agentls serves agent files only, or
;; to t to have agentls serve Python buffers (pattern hovers, "Ask the expert").

;;; Code:

(require 'eglot)
(require 'cl-lib)

(defgroup agentls nil
  "agentls: agent definition files, Python design patterns, architecture expert."
  :group 'tools
  :prefix "agentls-")

(defcustom agentls-command '("agentls" "serve")
  "Command line that starts the agentls language server on stdio.
Use e.g. (\"/path/to/venv/bin/python\" \"-m\" \"agentls\" \"serve\") when agentls is not on
`exec-path'."
  :type '(repeat string))

(defcustom agentls-python nil
  "Non-nil: agentls also serves Python buffers (pattern hovers and the expert).
eglot runs one server per buffer, so this replaces any other Python server for eglot."
  :type 'boolean)

(defcustom agentls-auto-start t
  "Non-nil: start eglot automatically in agent files (see `agentls-agent-file-p')."
  :type 'boolean)

(defcustom agentls-settings nil
  "Settings sent to the server as initializationOptions, a plist.
Keys as in the `agentls.*' editor settings, for example
  (:ignore [\"AG105\"] :failOn \"warning\" :expert (:model \"claude-sonnet-4-5\"))
They override the project's pyproject.toml [tool.agentls] / .agentls.toml."
  :type 'sexp)

(defconst agentls-agent-file-regexp
  (rx (or (seq "/.claude/" (or "agents" "commands") "/" (* nonl) ".md")
          (seq "/.claude/skills/" (+ (not (any "/"))) "/SKILL.md")
          (seq "/skills/" (+ (not (any "/"))) "/SKILL.md")
          (seq "/" (or "agents" "commands") "/" (* nonl) ".md")
          (seq "/.github/" (or "agents" "chatmodes" "prompts" "instructions") "/" (* nonl) ".md")
          (seq (or ".agent" ".chatmode" ".prompt" ".instructions") ".md")
          (seq "/.opencode/agent" (? "s") "/" (* nonl) ".md")
          (seq "/.config/opencode/agent" (? "s") "/" (* nonl) ".md")
          (seq "/.cursor/rules/" (* nonl) ".mdc"))
      eos)
  "File names agentls treats as agent files (its default dialect globs).")

(defun agentls-agent-file-p (&optional file)
  "Non-nil when FILE (default: the current buffer's) is an agent definition file."
  (let ((name (or file buffer-file-name)))
    (and name (string-match-p agentls-agent-file-regexp name))))

(defun agentls--modes ()
  (append '(markdown-mode gfm-mode text-mode)
          (when agentls-python '(python-mode python-ts-mode))))

(defun agentls--contact (&rest _)
  "The eglot contact: the command, plus the settings as initializationOptions."
  (append agentls-command
          (when agentls-settings (list :initializationOptions agentls-settings))))

(defun agentls--maybe-start ()
  (when (and agentls-auto-start
             (or (agentls-agent-file-p)
                 (and agentls-python (derived-mode-p 'python-mode))))
    (eglot-ensure)))

;;;###autoload
(defun agentls-setup ()
  "Register agentls with eglot and start it in agent files.
Cursor's .mdc rule files open in `markdown-mode' (or `text-mode' without it)."
  (interactive)
  (setq eglot-server-programs
        (cons (cons (agentls--modes) #'agentls--contact)
              (cl-remove #'agentls--contact eglot-server-programs :key #'cdr)))
  (add-to-list 'auto-mode-alist
               (cons "\\.mdc\\'" (if (fboundp 'markdown-mode) 'markdown-mode 'text-mode)))
  (dolist (hook '(markdown-mode-hook gfm-mode-hook text-mode-hook python-mode-hook
                                     python-ts-mode-hook))
    (add-hook hook #'agentls--maybe-start)))

(provide 'agentls)
;;; agentls.el ends here
