" Headless Vim + ALE driver for tests/editors/test_vim.py. Run: vim -N -u vim_driver.vim -i NONE -n -es
" Loads ALE and editors/vim/agentls.vim as a vimrc does, opens $FILE and acts like a user
" (:ALECodeAction, :ALEHover). -es prints nothing, so results go to $OUT as JSON.
" Env: AGENTLS_VIM (the agentls.vim), TASK (fix | hover), FILE, OUT, ACTION, LINE (1-based), COL (1-based).
set nocompatible
let s:result = {'events': []}
function! s:Write() abort
  call writefile([json_encode(s:result)], $OUT)
endfunction
function! s:Finish(ok, msg) abort
  let s:result.ok = a:ok ? v:true : v:false
  if !a:ok | call add(s:result.events, a:msg) | endif
  call s:Write()
  if a:ok | qall! | else | cquit 1 | endif
endfunction
function! s:WaitFor(expr, ms) abort
  let l:n = 0
  while !eval(a:expr) && l:n < a:ms
    sleep 20m
    let l:n += 20
  endwhile
  return eval(a:expr)
endfunction
function! s:Diags() abort
  return map(copy(ale#engine#GetLoclist(bufnr('%'))),
  \ {_, d -> {'lnum': d.lnum, 'col': d.col, 'type': d.type, 'code': get(d, 'code', ''),
  \           'linter': d.linter_name, 'text': d.text}})
endfunction
function! s:Text() abort
  return join(getline(1, '$'), "\n")
endfunction

try
  " --- the user's vimrc --------------------------------------------------------
  let g:ale_echo_cursor = 0
  let g:ale_hover_to_preview = 1
  packadd ale
  filetype plugin on
  execute 'source ' . fnameescape($AGENTLS_VIM)
  " -----------------------------------------------------------------------------
  let s:result.vim = v:version
  execute 'edit ' . fnameescape($FILE)
  let s:result.filetype = &filetype
  let s:result.linters = map(ale#linter#Get(&filetype), 'v:val.name')
  let s:result.root = AgentlsProjectRoot(bufnr('%'))

  if $TASK ==# 'fix'
    ALELint
    if !s:WaitFor('len(filter(ale#engine#GetLoclist(bufnr("%")), "v:val.linter_name is# ''agentls''")) > 0', 15000)
      call s:Finish(0, 'no diagnostics from agentls')
    endif
    let s:result.diagnostics = s:Diags()
    let s:result.before = s:Text()
    let s:d = ale#engine#GetLoclist(bufnr('%'))[0]
    call cursor(s:d.lnum, s:d.col)
    " :ALECodeAction asks with input(); the user types the number of the wanted action.
    function! ale#util#Input(message, value, ...) abort
      let s:result.menu = a:message
      for l:line in split(a:message, "\n")
        let l:m = matchlist(l:line, '^\(\d\+\)) \(.*\)$')
        if !empty(l:m) && stridx(l:m[2], $ACTION) >= 0
          return l:m[1]
        endif
      endfor
      return ''
    endfunction
    ALECodeAction
    if !s:WaitFor('s:Text() isnot# s:result.before', 15000)
      call s:Finish(0, 'the code action did not change the buffer')
    endif
    let s:result.after = s:Text()
    ALELint
    call s:WaitFor('empty(filter(ale#engine#GetLoclist(bufnr("%")), "get(v:val, ''code'', '''') is# ''AG005''"))', 10000)
    let s:result.diagnostics_after = s:Diags()
    call s:Finish(1, '')
  elseif $TASK ==# 'hover'
    call cursor(str2nr($LINE), str2nr($COL))
    ALEHover
    " g:ale_hover_to_preview: the hover text opens in the preview window
    function! s:Preview() abort
      for l:w in range(1, winnr('$'))
        if getwinvar(l:w, '&previewwindow')
          return join(getbufline(winbufnr(l:w), 1, '$'), "\n")
        endif
      endfor
      return ''
    endfunction
    call s:WaitFor('!empty(s:Preview())', 15000)
    let s:result.hover = s:Preview()
    call s:Finish(!empty(s:result.hover), 'no hover in the preview window')
  endif
  call s:Finish(0, 'unknown TASK')
catch
  call s:Finish(0, 'error: ' . v:exception . ' at ' . v:throwpoint)
endtry
