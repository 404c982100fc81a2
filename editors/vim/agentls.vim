" agentls for Vim 8.2+ / 9 with ALE (https://github.com/dense-analysis/ale).
"
" In your vimrc, after ALE is on the runtimepath (Debian: `packadd ale` from vim-ale; with a
" plugin manager: after plug#end() or equivalent):
"
"   let g:agentls_settings = {'ignore': ['AG105']}       " optional, see editors/README.md
"   source /path/to/agentls/editors/vim/agentls.vim
"
" Source it after setting g:ale_linters: it adds 'agentls' to the linters ALE runs for each
" served filetype (for python, ALE's default list becomes flake8, mypy, pylint, pyright, ruff
" and agentls).
" Options (all optional):
"   g:agentls_executable  the server program (default 'agentls')
"   g:agentls_command     its command line, %e is the executable (default '%e serve')
"   g:agentls_settings    a Dict of agentls settings, sent as initializationOptions and
"                         workspace/didChangeConfiguration {'agentls': ...}
"   g:agentls_filetypes   filetypes to serve (default ['markdown', 'python'])
if exists('g:loaded_agentls')
  finish
endif
let g:loaded_agentls = 1

let g:agentls_executable = get(g:, 'agentls_executable', 'agentls')
let g:agentls_command = get(g:, 'agentls_command', '%e serve')
let g:agentls_settings = get(g:, 'agentls_settings', {})
let g:agentls_filetypes = get(g:, 'agentls_filetypes', ['markdown', 'python'])
let g:agentls_root_markers = get(g:, 'agentls_root_markers',
\ ['.agentls.toml', '.claude', '.github', '.opencode', '.cursor', 'pyproject.toml', '.git'])

" The first folder upwards holding a root marker; else the file's folder.
function! AgentlsProjectRoot(buffer) abort
  let l:dir = fnamemodify(bufname(a:buffer), ':p:h')
  let l:start = l:dir
  while 1
    for l:marker in g:agentls_root_markers
      if isdirectory(l:dir . '/' . l:marker) || filereadable(l:dir . '/' . l:marker)
        return l:dir
      endif
    endfor
    let l:parent = fnamemodify(l:dir, ':h')
    if l:parent ==# l:dir
      return l:start
    endif
    let l:dir = l:parent
  endwhile
endfunction

" A buffer-local b:agentls_* wins over the global.
function! s:Opt(buffer, name) abort
  return getbufvar(a:buffer, a:name, g:[a:name])
endfunction

for s:ft in g:agentls_filetypes
  call ale#linter#Define(s:ft, {
  \ 'name': 'agentls',
  \ 'lsp': 'stdio',
  \ 'executable': {b -> s:Opt(b, 'agentls_executable')},
  \ 'command': {b -> s:Opt(b, 'agentls_command')},
  \ 'project_root': function('AgentlsProjectRoot'),
  \ 'initialization_options': {b -> s:Opt(b, 'agentls_settings')},
  \ 'lsp_config': {b -> {'agentls': s:Opt(b, 'agentls_settings')}},
  \})
endfor
unlet s:ft

" ALE runs only the linters g:ale_linters names for a filetype that has an entry, and python
" has one by default: make sure agentls is in the list.
let s:ale_default_python = ['flake8', 'mypy', 'pylint', 'pyright', 'ruff']
if type(get(g:, 'ale_linters', {})) == v:t_dict
  let g:ale_linters = get(g:, 'ale_linters', {})
  for s:ft in g:agentls_filetypes
    if type(get(g:ale_linters, s:ft, 0)) == v:t_list
      if index(g:ale_linters[s:ft], 'agentls') < 0
        call add(g:ale_linters[s:ft], 'agentls')
      endif
    elseif s:ft ==# 'python' && !has_key(g:ale_linters, s:ft)
      let g:ale_linters.python = s:ale_default_python + ['agentls']
    elseif get(g:, 'ale_linters_explicit', 0) && !has_key(g:ale_linters, s:ft)
      let g:ale_linters[s:ft] = ['agentls']
    endif
  endfor
  unlet! s:ft
endif

" Cursor rules (.mdc) are Markdown.
augroup agentls_filetypes
  autocmd!
  autocmd BufRead,BufNewFile *.mdc setfiletype markdown
augroup END
