import { defineApi, SECOND_IDENTITY } from '../../engine/config/define.ts';

export default defineApi({
  name: 'nextauth',
  title: 'nextAuth sessions',
  baseUrlExample: 'https://nauth.example.com (paths start with /servers)',
  variables: [
    { name: 'NEXTAUTH_API_KEY', secret: true, required: true, mock: 'mock-nextauth-apikey' },
    { name: 'NEXTAUTH_SERVER_ID', secret: false, required: true, mock: 'bW9jay1zZXJ2ZXI' },
    { name: 'NEXTAUTH_ROLE_ID', secret: false, required: false, enables: 'getSession with a role the key may assume (X-su)', mock: 'mock-role' },
    { name: 'NEXTAUTH_ACCOUNT_ID', secret: false, required: false, enables: 'provokeLoginOnAccount 200 and its checks that name a real account; pushes test logins to that account\'s app', mock: '4242' },
    { name: 'NEXTAUTH_USER_ID', secret: false, required: false, enables: 'provokeLoginOnUser 200 and its checks that name a real user; pushes test logins to that user\'s app', mock: 'mock-user' },
    { name: 'NEXTAUTH_SECOND_SERVER_ID', secret: false, required: false, enables: SECOND_IDENTITY, mock: 'bW9jay1zZWNvbmQ' },
  ],
});
